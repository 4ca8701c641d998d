"""Label-free stopping rules for diffusion training, compared offline on the EMA snapshots that
`benchmarks/cost_curve.py` saved after every epoch: for each rule, where it would stop, and the detection AUROC
of the preset's own amplifier at that point (from cost_curve.csv). Bias labels are read only to report.

    python benchmarks/stop_rules.py --config cmnist-long --run runs/cost-cmnist --out benchmarks/cmnist
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd
from ddb.config import load_config
from ddb.diffusion import load_diffusion
from ddb.stopping import quick_flags, compare_checks
from ddb.core import default_device
from ddb.pipeline import StageRunner, data_stage

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--config', default='cmnist-long'); p.add_argument('--run', default=None)
p.add_argument('--out', default=None)
p.add_argument('--n-real', type=int, default=5000)
p.add_argument('--max-step', type=int, default=None, help='check snapshots up to this step only')
p.add_argument('--set', nargs='*', default=[])
a = p.parse_args()
cfg = load_config(a.config, a.set)
work, out = Path(a.run or f'runs/cost-{cfg["name"]}'), Path(a.out or f'benchmarks/{cfg["name"]}')
runner = StageRunner(work, default_device(cfg['device']), quiet=True)
data, cfg = data_stage(runner, cfg)
idx = np.sort(np.random.default_rng(cfg['seed']).choice(len(data.train), min(a.n_real, len(data.train)), replace=False))
subset, true = data.train.subset(idx, 'check'), data.train.conflicting[idx]
steps = sorted(int(p.name) for p in (work/'snapshots').iterdir() if a.max_step is None or int(p.name) <= a.max_step)
VARIANTS = {'quick (30/class, 200 steps)': dict(n_per_class=30, amp_steps=200),
            'weak (20/class, 30 steps)': dict(n_per_class=20, amp_steps=30)}
rows = []
for name, kw in VARIANTS.items():
    prev = None
    for step in steps:
        t0 = time.time()
        model = load_diffusion(work/'snapshots'/str(step), runner.device)
        sc, flags = quick_flags(model, subset, seed=cfg['seed'], **kw)
        rows.append(dict(variant=name, step=step, **compare_checks(sc, flags, prev, true),
                         seconds=round(time.time() - t0, 1)))
        prev = flags, sc.ce
        print(rows[-1], flush=True)
checks = pd.DataFrame(rows)
checks.to_csv(out/'stop_rule_checks.csv', index=False, float_format='%.4f')
curve = pd.read_csv(out/'cost_curve.csv')
own = curve[(curve.sampler == 'ddpm') & (curve.sample_steps == cfg['sampling']['steps']) & (
    curve.n_per_class == cfg['sampling']['n_per_class'])]
full = own[own.step == own.step.max()].auroc.iloc[0]
def auroc_at(step):   # the preset amplifier's AUROC at the nearest measured snapshot at or after `step`
    later = own[own.step >= step]
    return later.sort_values('step').iloc[0] if len(later) else None
summary = []
for name in VARIANTS:
    c = checks[checks.variant == name]
    for stat, thresholds in (('jaccard', (0.7, 0.8, 0.9)), ('spearman', (0.95, 0.98, 0.99))):
        for th in thresholds:
            hit = c[c[stat] >= th]
            stop = int(hit.step.iloc[0]) if len(hit) else int(c.step.max())
            r = auroc_at(stop)
            summary.append(dict(variant=name, statistic=stat, threshold=th, stops_at=stop,
                                auroc_there=None if r is None else round(float(r.auroc), 4),
                                measured_at=None if r is None else int(r.step),
                                full_auroc=round(float(full), 4), check_seconds=round(float(c.seconds.mean()), 1)))
summary = pd.DataFrame(summary)
summary.to_csv(out/'stop_rules.csv', index=False)
print(summary.to_string())
