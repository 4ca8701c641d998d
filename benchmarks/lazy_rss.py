"""Peak memory of a folder data set read lazily, against its size (data larger than memory).

Writes N random 64x64 PNGs as class folders (two classes) for each N, then, in a fresh process per N, reads them
with `from_folders(..., in_memory=False)` (what ddb chooses by itself above `ddb.data.IN_MEMORY_BYTES`, 512 MB)
and runs one training epoch of `biased_dls` over them (batch 256, decoding each batch from disk), recording the
process's peak RSS. Flat means the images are never all held at once.

    python benchmarks/lazy_rss.py                      # N = 5,000 and 50,000 (about 3 minutes on 2 cores)
    python benchmarks/lazy_rss.py --sizes 500,5000     # quicker

Writes `benchmarks/lazy_rss.csv`.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd
from PIL import Image

def write_images(root:Path, n:int, size:int=64, seed:int=0):
    rng = np.random.default_rng(seed)
    for i in range(n):
        d = root/('a' if i % 2 else 'b'); d.mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (size, size, 3), dtype=np.uint8)).save(d/f'{i:06d}.png')

CHILD = """
import json, resource, sys, time
from ddb.readers import from_folders
from ddb.data import biased_dls
t0 = time.time()
data = from_folders(sys.argv[1], in_memory=False, valid_pct=0.05)
lazy = data.train.images is None
dls = biased_dls(data, bs=256, stats=None, device='cpu', seed=0)
n = sum(len(x) for x, *_ in dls.train)
peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(dict(lazy=lazy, images_per_epoch=n, seconds=round(time.time() - t0, 1), peak_rss_mb=peak_rss_mb)))
"""

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--sizes', default='5000,50000')
    p.add_argument('--out', default=str(Path(__file__).parent/'lazy_rss.csv'))
    a = p.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in map(int, a.sizes.split(',')):
            root = Path(tmp)/f'n{n}'; t0 = time.time(); write_images(root, n)
            written = time.time() - t0
            r = subprocess.run([sys.executable, '-c', CHILD, str(root)], capture_output=True, text=True, check=True)
            rows.append(dict(n_images=n, write_s=round(written, 1), **json.loads(r.stdout.strip().splitlines()[-1])))
            print(rows[-1], flush=True)
    df = pd.DataFrame(rows); df.to_csv(a.out, index=False)
    print(df.to_string(index=False))
    print(f'peak RSS ratio, largest to smallest: {df.peak_rss_mb.iloc[-1] / df.peak_rss_mb.iloc[0]:.2f}')

if __name__ == '__main__': main()
