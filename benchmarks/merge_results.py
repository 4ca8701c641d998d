"""Merge one `ddb benchmark` folder's rows into a committed results folder and render its page again.

    python benchmarks/merge_results.py --into benchmarks/cfmnist --add runs/bench-cfm05 --name cfmnist

Rows of `--add`'s results.csv replace the same (backbone, ratio, method, seed) rows of `--into`'s and the others are
appended (`ddb.benchmark.merge_results`); its tuning.csv rows join `--into`'s tuning.csv the same way (keyed by ratio,
backbone, method and setting). `results.md`, `results.png` and `results.html` are then written from the merged table
(`ddb.benchmark.write_results_page`), with the knobs each ratio chose when tuning.csv exists.
"""
import argparse
from pathlib import Path
import pandas as pd
from ddb.benchmark import merge_results, write_results_page, tuning_table
from ddb.evaluation import SUMMARY_METRICS

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--into', required=True, help='folder with the committed results.csv (and tuning.csv)')
p.add_argument('--add', required=True, nargs='+', help='ddb benchmark folders whose rows are merged in')
p.add_argument('--name', required=True, help="the preset's name, for the page's title")
p.add_argument('--metric', default='unbiased_acc', choices=SUMMARY_METRICS)
p.add_argument('--criterion', default='worst_pseudo_group', help='the criterion the knobs were chosen by')
a = p.parse_args()
into = Path(a.into)
results = pd.read_csv(into/'results.csv')
tuning = pd.read_csv(into/'tuning.csv') if (into/'tuning.csv').exists() else None
tuning_key = ['conflict_pct', 'backbone', 'method', 'setting']
for folder in map(Path, a.add):
    results = merge_results(results, pd.read_csv(folder/'results.csv'))
    if (folder/'tuning.csv').exists():
        new = pd.read_csv(folder/'tuning.csv')
        if tuning is None: tuning = new; continue
        remeasured = tuning.set_index(tuning_key).index.isin(new.set_index(tuning_key).index)
        tuning = pd.concat([tuning[~remeasured], new], ignore_index=True)
results = results.sort_values(['conflict_pct'], kind='stable').reset_index(drop=True)
results.to_csv(into/'results.csv', index=False, float_format='%.6g')
if tuning is not None:
    tuning = tuning.sort_values(['conflict_pct'], kind='stable').reset_index(drop=True)
    tuning.to_csv(into/'tuning.csv', index=False, float_format='%.6g')
pcts = ', '.join(f'{p:g}%' for p in sorted(results.conflict_pct.unique()))
methods = ', '.join(dict.fromkeys(results.method))
n_seeds = results.seed.nunique()
intro = (f"# Benchmark: {a.name}\n\nMethods {methods}; bias-conflicting ratios {pcts}; {n_seeds} seed(s); backbones "
         f"{', '.join(results.backbone.unique())}; epochs{' and knobs' * (tuning is not None)} chosen by "
         f"`{a.criterion}` on validation data. The rows of several `ddb benchmark` calls, merged by "
         "`benchmarks/merge_results.py`.")
seed = int(results.seed.min())
chosen = tuning_table(tuning, a.criterion, seed) if tuning is not None else ''
write_results_page(into, results, a.metric, intro, chosen, html=False)
print(f'{len(results)} rows ({pcts}) -> {into}')
