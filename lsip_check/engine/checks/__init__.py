"""Plain Python checks for what the rule vocabulary cannot say; one module per family."""
