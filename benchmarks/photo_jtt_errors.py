"""What JTT's first stage finds (on waterbirds-mini, or any preset with bias labels): its error set (the training photos
its ERM model misclassifies after `first_epochs`, the set JTT upsamples) against the true bias-conflicting photos, per
backbone, share and seed, with the preset's recipe settings (augmentation on). Set beside the amplifier's flags, it says
whether DDB's detection gives Recipe I better groups than JTT gets, or whether the two differ only in how they retrain.
Bias labels are read here to measure, never to train. A few minutes. Not a test: the numbers go in `11_results`.

    python benchmarks/photo_jtt_errors.py [--config waterbirds-mini-long] [--archs cnn-gap,resnet18]
        [--pcts 2,5] [--seeds 3] [--out benchmarks/waterbirds-mini]
    python benchmarks/photo_jtt_errors.py --config cfmnist --archs cnn --pcts 1,2 --out benchmarks/cfmnist
"""
import argparse, time
from pathlib import Path
import pandas as pd
from ddb.datasets import load_data
from ddb.recipes import JTT, LEARNER_FIELDS, debias_learner
from ddb.config import load_config

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--config', default='waterbirds-mini-long'); p.add_argument('--archs', default='cnn-gap,resnet18')
p.add_argument('--pcts', default='2,5')
p.add_argument('--seeds', type=int, default=3); p.add_argument('--out', default='benchmarks/waterbirds-mini')
a = p.parse_args()
cfg = load_config(a.config); r, first_epochs = cfg['recipes'], cfg['recipes']['jtt']['first_epochs']
rows = []
for pct in (float(v) for v in a.pcts.split(',')):
    data = load_data(load_config(cfg, changes={'data.conflict_pct': pct}).data, cfg.seed)
    conflicting = data.train.conflicting.astype(bool)
    for arch in a.archs.split(','):
        for seed in range(a.seeds):
            t0 = time.time()
            learn = debias_learner(data, JTT(first_epochs=first_epochs),
                                   **{**{k: r[k] for k in LEARNER_FIELDS}, 'arch': arch, 'seed': seed})
            # JTT's first stage, as `JTT.fit` runs it
            with learn.no_bar(), learn.no_logging(): learn.fit_one_cycle(first_epochs, r['lr'])
            errors = learn.method.error_set(learn)
            hit = int((errors & conflicting).sum())
            rows.append(dict(arch=arch, conflict_pct=pct, seed=seed, first_epochs=first_epochs,
                             n_errors=int(errors.sum()),
                             n_conflicting=int(conflicting.sum()), precision=hit / max(1, errors.sum()),
                             recall=hit / conflicting.sum(),
                             seconds=round(time.time() - t0, 1)))
            print(rows[-1], flush=True)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
pd.DataFrame(rows).to_csv(out/'jtt_errors.csv', index=False, float_format='%.4f')
