// ingest
