"""Distributed ingest on Dask (the optional extra ``pip install sitrep[dask]``).

``ingest_distributed(inputs, store, client, coder_factory, out)`` codes batches on Dask workers,
each batch written as one Parquet file named by its content in the dataset directory ``out``, and
merges them into the store; ``merge_dataset(out, store)`` loads such a directory again
(idempotently). ``connect("local:2")`` or ``connect("tcp://host:8786")`` gives a client. See
docs/scale.md. Only ``merge_dataset`` and the batch files work without Dask installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._batch import CodedBatch, batch_name, read_batch, write_batch
from ._cluster import connect, local_workers
from .merge import batch_files, merge_dataset

if TYPE_CHECKING:
    from .run import ClusterStats, ingest_distributed, load_coder

__all__ = ["ClusterStats", "CodedBatch", "batch_files", "batch_name", "connect", "load_coder",
           "ingest_distributed", "local_workers", "merge_dataset", "read_batch", "write_batch"]


def __getattr__(name: str) -> Any:
    if name in ("ClusterStats", "ingest_distributed", "load_coder"):  # these import dask
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
