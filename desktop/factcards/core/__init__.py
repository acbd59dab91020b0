"""Pure logic: ingest, extract, link, brief, exports. Nothing here imports Qt."""
