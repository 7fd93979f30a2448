"""Turn plan files into plain data plus a SourceMap of where every value came from."""
