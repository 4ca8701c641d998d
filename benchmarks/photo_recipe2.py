"""Why Recipe II learns the reverse shortcut on waterbirds-mini: the weight its frozen amplifier gives the aligned and the
conflicting training photos before the debiased model has learnt anything (its loss then is about the same for every
image, about 1 once divided by its class maximum, so the LfF weight is lb / (lb + 1) with lb the amplifier's
normalised loss raised to `sharpen`). Reuses a run folder's cached
stages. Seconds. Not a test: the numbers go in the README.

    python benchmarks/photo_recipe2.py [--run runs/waterbirds-mini] [--config waterbirds-mini] [--out benchmarks/waterbirds-mini]
"""
import argparse, json
from pathlib import Path
import numpy as np
from ddb.pipeline import run_pipeline

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--run', default='runs/waterbirds-mini'); p.add_argument('--config', default='waterbirds-mini')
p.add_argument('--out', default='benchmarks/waterbirds-mini')
a = p.parse_args()
run = run_pipeline(a.config, a.run, stage='amplifier', quiet=True)
t, ce, conflicting = run.data.train.targets, run.scores.ce, run.data.train.conflicting.astype(bool)
normalised = ce / np.array([ce[t == c].max() for c in range(t.max() + 1)])[t]   # as RecipeII: loss / its class maximum
rows = {}
for sharpen in (1.0, run.cfg['recipes']['ddb2']['sharpen']):
    lb = normalised ** sharpen
    w = lb / (lb + 1)   # LfF's weight against an untrained debiased model (normalised loss about 1 everywhere)
    rows[f'sharpen {sharpen:g}'] = {name: dict(n=int(m.sum()), median_amplifier_loss=float(np.median(lb[m])), total_weight=float(w[m].sum()))
                                    for name, m in (('aligned', ~conflicting), ('conflicting', conflicting))}
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
(out/'recipe2_weights.json').write_text(json.dumps(rows, indent=1) + '\n')
print(json.dumps(rows, indent=1))
