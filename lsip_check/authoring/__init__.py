"""Writing plans: ``init`` skeletons, conversion between YAML and Markdown."""
