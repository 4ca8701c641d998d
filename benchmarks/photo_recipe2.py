"""Why LfF's weights from a frozen amplifier learn the reverse shortcut on waterbirds-mini, and what `balance` changes:
the total weight Recipe II gives the aligned and the conflicting training photos before the debiased model has learnt
anything (its loss then is about the same for every image, about 1 once divided by its class maximum, so the LfF weight
is lb / (lb + 1) with lb the amplifier's normalised loss raised to `sharpen`), without and with `balance`. Reuses a run
folder's cached stages. Seconds. Not a test: the numbers go in 11_results.

    python benchmarks/photo_recipe2.py [--run runs/waterbirds-mini-long] [--config waterbirds-mini-long] \
        [--out benchmarks/waterbirds-mini]
"""
import argparse, json
from pathlib import Path
import numpy as np, torch
from ddb.pipeline import run_pipeline
from ddb.recipes import lff_weight, unbiased_shares

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--run', default='runs/waterbirds-mini-long'); p.add_argument('--config', default='waterbirds-mini-long')
p.add_argument('--out', default='benchmarks/waterbirds-mini')
a = p.parse_args()
run = run_pipeline(a.config, a.run, stage='amplifier', quiet=True)
t, ce, conflicting = run.data.train.targets, run.scores.ce, run.data.train.conflicting.astype(bool)
normalised = ce / np.array([ce[t == c].max() for c in range(t.max() + 1)])[t]   # as RecipeII: loss / its class maximum
rows = {}
for sharpen, balance in ((1.0, False), (2.0, False), (1.0, True), (2.0, True)):
    lb = torch.as_tensor(normalised ** sharpen)
    w = lff_weight(lb, torch.ones_like(lb))   # against an untrained debiased model (normalised loss about 1 everywhere)
    w = (unbiased_shares(w, torch.as_tensor(t), int(t.max()) + 1) if balance else w).numpy()
    rows[f"sharpen {sharpen:g}{', balance' * balance}"] = {
        name: dict(n=int(m.sum()), median_amplifier_loss=float(np.median(lb.numpy()[m])),
                   total_weight=float(w[m].sum()))
        for name, m in (('aligned', ~conflicting), ('conflicting', conflicting))}
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
(out/'recipe2_weights.json').write_text(json.dumps(rows, indent=1) + '\n')
print(json.dumps(rows, indent=1))
