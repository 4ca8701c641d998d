"""Before/after, in one run: the epoch selection's own validation pass against reading fastai's.

Trains the `cmnist` preset's ERM model (small CNN at 16 px, 8 epochs, Colored MNIST 1%) twice with the same seed:
once with `SelectOnValid` given a copy of the validation split (so it runs its own pass over it every epoch, the
old behaviour) and once with the loader's own split (it reads the predictions of fastai's validation pass). Both
must keep the same epoch with the same history; the difference in seconds is the waste removed.

    python benchmarks/select_pass.py        # about 2 minutes on 2 cores
"""
import copy, json, time
from pathlib import Path
from ddb.config import load_config, resolve_config, method_recipe
from ddb.datasets import load_data
from ddb.recipes import ERM, LEARNER_FIELDS, debias_learner, fit_method
from ddb.evaluation import SelectOnValid
from ddb.amplifier import InferredGroups, BiasScores
import numpy as np

def main():
    raw = load_config('cmnist-long'); data = load_data(raw['data'], raw['seed'])
    # what `ddb run` trains ERM with
    cfg = resolve_config(raw, data, 'cpu'); r = method_recipe(cfg['recipes'], 'erm')[0]
    v = data.valid   # a stand-in for the amplifier's groups: the true conflicting flags (only the timing matters here)
    inferred = InferredGroups(BiasScores(np.zeros(len(v)), np.ones(len(v)), v.targets.copy(), v.targets.copy()),
                              v.conflicting.astype(bool), data.c)
    rows = {}
    for name, split in (('own pass (before)', copy.copy(v)), ('fastai pass (after)', v)):
        learn = debias_learner(data, ERM(), **{k: r[k] for k in LEARNER_FIELDS}, device='cpu')
        sel = SelectOnValid(split, 'worst_pseudo_group', inferred); learn.add_cb(sel)
        t0 = time.time()
        with learn.no_bar(), learn.no_logging(): fit_method(learn, r['epochs'], r['lr'])
        rows[name] = dict(seconds=round(time.time() - t0, 1), best_epoch=sel.best_epoch,
                          history=[round(h, 6) for h in sel.history])
        print(name, rows[name], flush=True)
    a, b = rows.values()
    assert (a['best_epoch'], a['history']) == (b['best_epoch'], b['history']), 'the two passes disagree'
    rows['saved_seconds'] = round(a['seconds'] - b['seconds'], 1)
    out = Path(__file__).parent/'cmnist'/'select_pass.json'; out.write_text(json.dumps(rows, indent=1))
    print(f"same selection; {rows['saved_seconds']} s saved of {a['seconds']} s; wrote {out}")

if __name__ == '__main__': main()
