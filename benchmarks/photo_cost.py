"""How the cost of `ddb run folder` grows with a user's photos: Waterbirds-style photos (`waterbirds_mini`, 5%
conflicting) at several training sizes, validation and test at the generator's proportions (a fifth and two fifths of
the training images), written as class folders, each run from an empty run folder in its own process: wall seconds
per stage (the run's `metrics.json` `timing_s`), the whole run, and the process's peak memory. Minutes to an hour on
2 cores; a size whose run folder holds `metrics.json` is read, not run again. Not a test: the numbers go in 11_results.

    python benchmarks/photo_cost.py [--sizes 1000,5000,20000] [--runs runs/photo-cost] \
        [--out benchmarks/waterbirds-mini]
    python benchmarks/photo_cost.py --set recipes.epochs=4   # any preset field, for every size
"""
import argparse, json, subprocess, sys, time
from pathlib import Path
import pandas as pd
from ddb.photos import waterbirds_mini, write_photo_folders

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--sizes', default='1000,5000,20000', help='training images per run, comma-separated')
p.add_argument('--runs', default='runs/photo-cost', help='class folders and run folders go here')
p.add_argument('--out', default='benchmarks/waterbirds-mini', help='photo_cost.csv goes here')
p.add_argument('--set', dest='overrides', nargs='+', default=[], metavar='KEY=VALUE')
a = p.parse_args()
try: sizes = [int(s) for s in a.sizes.split(',')]
except ValueError: p.error(f'--sizes {a.sizes}: expected whole numbers joined by commas, e.g. 1000,5000')
runs = Path(a.runs)
rows = []
for n in sizes:
    folders, run = runs/f'photos-{n}', runs/f'run-{n}'
    if not folders.exists():
        t0 = time.time()
        write_photo_folders(waterbirds_mini(5.0, n_train=n, n_valid=n // 5, n_test=2 * n // 5, seed=0), folders)
        print(f'{n} photos written in {time.time() - t0:.0f} s', flush=True)
    if not (run/'metrics.json').exists():
        where = [f'data.{s}={(folders/s).resolve()}' for s in ('train', 'valid', 'test')]
        # its own process: the peak memory is the run's alone, as a user's `ddb run` would have it
        cmd = [sys.executable, '-m', 'ddb.cli', 'run', 'folder', '--quiet', '--out', str(run), '--set', *where,
               *a.overrides]
        print(' '.join(cmd), flush=True)
        subprocess.run(cmd, check=True)
    m = json.loads((run/'metrics.json').read_text())
    rows.append(dict(train_images=n, valid_images=n // 5, test_images=2 * n // 5,
                     **{f'{k}_s': v for k, v in m['timing_s'].items()}, total_s=m['total_s'],
                     peak_rss_mb=m['peak_rss_mb']))
    res = pd.DataFrame(rows)   # written after every size: a long size may be stopped
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    res.to_csv(out/'photo_cost.csv', index=False)
    print(res.to_string(index=False), flush=True)
