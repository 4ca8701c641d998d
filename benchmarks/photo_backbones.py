"""Which backbone learns the bird at CPU scale: GroupDRO on the true groups (the oracle, so the bias is out of
the way and what is left is the classifier) on waterbirds-mini, per architecture, with the preset's budget.
The epoch is chosen by worst-group accuracy on the (labelled) validation split. Not a test.

    python benchmarks/photo_backbones.py [--archs cnn,cnn-gap,resnet18] [--seeds 1] [--out benchmarks/waterbirds-mini]
"""
import argparse, time
from pathlib import Path
import pandas as pd
from ddb.photos import waterbirds_mini
from ddb.recipes import GroupDRO, LEARNER_FIELDS, debias_learner, fit_method
from ddb.evaluation import SelectOnValid, evaluate
from ddb.config import load_config

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--archs', default='cnn,cnn-gap,resnet18'); p.add_argument('--seeds', type=int, default=1)
p.add_argument('--augment', default='1', help='comma-separated 0/1: with and/or without augmentation')
p.add_argument('--out', default='benchmarks/waterbirds-mini')
a = p.parse_args()
r = load_config('waterbirds-mini-long')['recipes']
data = waterbirds_mini(load_config('waterbirds-mini-long')['data']['conflict_pct'])
rows = []
for arch in a.archs.split(','):
    for aug in (bool(int(v)) for v in a.augment.split(',')):
        for seed in range(a.seeds):
            learn = debias_learner(data, GroupDRO(eta=r['groupdro']['eta']),
                                   **{**{k: r[k] for k in LEARNER_FIELDS}, 'arch': arch, 'seed': seed, 'augment': aug})
            sel = SelectOnValid(data.valid, 'worst_group'); learn.add_cb(sel)
            t0 = time.time()
            with learn.no_bar(), learn.no_logging(): fit_method(learn, r['epochs'], r['lr'])
            ev = evaluate(learn, data.test, data.train)
            rows.append(dict(arch=arch, augment=aug, seed=seed, **ev.summary, best_epoch=sel.best_epoch,
                             train_s=round(time.time() - t0, 1)))
            print(rows[-1], flush=True)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
pd.DataFrame(rows).to_csv(out/'backbones.csv', index=False, float_format='%.4f')
