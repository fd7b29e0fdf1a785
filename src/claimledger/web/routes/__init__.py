"""Routes per resource: each module has an `api` router (JSON under /api) and a `pages` router."""
