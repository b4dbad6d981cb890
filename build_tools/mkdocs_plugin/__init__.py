"""MkDocs glue: hooks only, delegating to the course model and checks."""
