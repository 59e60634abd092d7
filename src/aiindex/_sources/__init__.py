"""Where indicators come from: the packaged data, user CSVs, the AI Index's public-data folders."""
