"""Use cases: one call per thing a DSL does. Mutations return a ChangeSet."""
