"""The rules engine: rule files, selectors, check functions and the runner."""
