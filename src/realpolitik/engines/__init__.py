"""How batches of documents are run: in this process, on local worker processes, or on Dask."""
