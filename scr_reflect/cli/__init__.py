"""The command line: one module per group of commands; `early` runs before heavy imports."""
