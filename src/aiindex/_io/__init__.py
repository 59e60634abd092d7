"""Reading packaged files and structuring them with cattrs: the lowest layer of loading."""
