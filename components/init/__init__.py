"""`init`: a new environment's stack file and metadata, written whole and checked before anything is kept."""
