"""Whether the `folder` preset's defaults hold on digits and on photos: Colored MNIST 1% and waterbirds-mini 5% written
as class folders (`write_photo_folders`, bias labels kept aside in bias.csv), run as a user would (`ddb benchmark
folder`, the preset's settings, no bias labels), then scored with the bias labels (`score_predictions`): unbiased,
worst-group, aligned and conflicting accuracy per method and seed. `--before` runs the preset's earlier photo settings
(30 epochs, augmented batches) instead; `--set` changes a field and `--label` names the result files. Minutes to an hour
per set on 2 cores; cached (a second call only scores). Not a test: the numbers go in 11_results.

    python benchmarks/folder_defaults.py cmnist [--seeds 3] [--before] [--folders DIR] [--bench DIR]
    python benchmarks/folder_defaults.py waterbirds-mini
    python benchmarks/folder_defaults.py cmnist --set recipes.arch=cnn-gap --label gap   # the pooled CNN
"""
import argparse
from pathlib import Path
import numpy as np, pandas as pd
from ddb.cmnist import colored_mnist
from ddb.photos import waterbirds_mini, write_photo_folders
from ddb.config import load_config
from ddb.datasets import load_data
from ddb.benchmark import run_benchmark
from ddb.evaluation import score_predictions
from ddb.files import safe_child
from ddb.pipeline import CHOOSER, setting_name
from ddb.report import md_table

SETS = {'cmnist': (lambda: colored_mnist(1.0, seed=0), 1.0),
        'waterbirds-mini': (lambda: waterbirds_mini(5.0, seed=0), 5.0)}
# the photo settings the preset had until 2026-12-07
BEFORE = ['recipes.arch=cnn-gap', 'recipes.epochs=30', 'recipes.augment=true']
METRICS = ['unbiased_acc', 'worst_group_acc', 'aligned_acc', 'conflicting_acc', 'avg_acc']

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('data', choices=list(SETS)); p.add_argument('--seeds', type=int, default=3)
p.add_argument('--methods', default='erm,ddb1,ddb2'); p.add_argument('--before', action='store_true')
p.add_argument('--folders', help='where the class folders are written (default runs/folder-defaults/data/<data>)')
p.add_argument('--bench', help='the benchmark folder (default runs/folder-defaults/<data>)')
p.add_argument('--results', default='benchmarks/folder-defaults')
p.add_argument('--set', dest='overrides', nargs='+', default=[], metavar='KEY=VALUE'); p.add_argument('--label')
a = p.parse_args()
make, pct = SETS[a.data]
settings = a.label or ('before' if a.before else 'now')
folders = Path(a.folders or f'runs/folder-defaults/data/{a.data}')
bench = Path(a.bench or f'runs/folder-defaults/{a.data}')
if not folders.exists(): write_photo_folders(make(), folders)
where = [f'data.{s}={(folders/s).resolve()}' for s in ('train', 'valid', 'test')]
b = run_benchmark('folder', a.methods.split(','), (pct,), a.seeds, out=bench,
                  overrides=where + BEFORE * a.before + a.overrides)
test = load_data(load_config('folder', where)['data']).test
classes = test.classes
# the same rows in the same order
labels = pd.read_csv(folders/'metadata.csv').assign(bias=pd.read_csv(folders/'bias.csv').bias)
train = labels[labels.split == 0]   # a class's aligned bias: the most common among its training images
aligned = {classes[y]: g.value_counts().index[0] for y, g in train.groupby('y').bias}
run_dir = bench/f'folder-{pct:g}pct'

def scored(folder, method):
    "Group metrics of the model in `folder` on the test split, from the bias labels kept aside."
    pred = np.load(folder/'preds.npy')
    frame = pd.DataFrame(dict(file=[str(f) for f in test.files], label=[classes[t] for t in test.targets],
                              **{method: [classes[i] for i in pred]}))
    s = score_predictions(frame, folders/'bias.csv', aligned).loc[method]
    return {m: s[m] for m in METRICS}

rows = [dict(data=a.data, settings=settings, method=r.method, seed=r.seed, backbone=r.backbone, best_epoch=r.best_epoch,
             valid_score=r.valid_score,
             **scored(safe_child(run_dir, 'recipes', f'{r.backbone}-seed{r.seed}', r.method), r.method))
             for r in b.measured.itertuples()]
res = pd.DataFrame(rows)
choice = run_dir/'recipes'/'choose'/'choice.csv'
# Recipe I at each tried value, for the record (the choice itself saw validation data only)
if choice.exists() and not a.before:
    tried = pd.read_csv(choice)
    tried = tried.join(pd.DataFrame([scored(run_dir/'recipes'/'choose'/(CHOOSER + setting_name({'augment': v})),
                                            CHOOSER) for v in tried.augment]).add_prefix('test_'))
out = Path(a.results); out.mkdir(parents=True, exist_ok=True)
res.to_csv(out/f'{a.data}-{settings}.csv', index=False)
if choice.exists() and not a.before: tried.to_csv(out/f'{a.data}-{settings}-choice.csv', index=False)
summary = res.groupby('method', sort=False)[METRICS].agg(lambda g: f'{g.mean() * 100:.1f} ± {g.std() * 100:.1f}')
print(f'{a.data}, {settings} ({a.seeds} seeds, test split, %):'); print(md_table(summary))
if choice.exists() and not a.before:
    scores = [c for c in tried if c not in ('augment', 'best_epoch', 'chosen')]
    print(md_table(tried.set_index('augment').assign(**{c: tried[c].values * 100 for c in scores})))
