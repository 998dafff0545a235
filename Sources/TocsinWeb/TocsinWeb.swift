// TocsinWeb: the JSON API under /api/v1, its OpenAPI document and the console (issues #3, #6).
