"""Parsing at scale: in this process, in worker processes or on Dask, with the parse cache and the progress bar."""
