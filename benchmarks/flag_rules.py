"""Where detection is lost on a benchmark with bias labels: for finished run folders (their cached amplifier
scores, `amplifier/scores.npz`), the precision, recall and F1 of every label-free flagging rule of
`ddb.amplifier.pseudo_bias` on the training split, and per class the amplifier's ranking (within-class AUROC), the
images the preset's rule flags and how many of them are conflicting. Bias labels are read only to score; nothing is
trained (a few minutes a folder on one core: the data are built again). `topk` is shown at the true conflicting
share too, as the ceiling of a per-class cut that would need that share, which a user does not know.

    python benchmarks/flag_rules.py --preset cfmnist --run 0.5:runs/bench-cfm05/cfmnist-0.5pct --run 1:runs/cfmnist \
        --run 5:runs/bench-cfm5/cfmnist-5pct --out benchmarks/cfmnist
"""
import argparse
from pathlib import Path
import numpy as np, pandas as pd
from sklearn.metrics import roc_auc_score
from ddb.amplifier import BiasScores, compare_rules, pseudo_bias
from ddb.config import load_config
from ddb.datasets import load_data

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--preset', default='cfmnist')
p.add_argument('--run', action='append', required=True, help='SHARE:FOLDER, a run folder made at that conflicting %%')
p.add_argument('--out', default='benchmarks/cfmnist')
a = p.parse_args()
rules, classes = [], []
for spec in a.run:
    pct, _, folder = spec.partition(':')
    try: pct = float(pct)
    except ValueError: p.error(f'--run {spec}: expected SHARE:FOLDER, e.g. 1:runs/cfmnist')
    if not (Path(folder)/'amplifier'/'scores.npz').is_file():
        p.error(f'--run {spec}: no amplifier/scores.npz in {folder!r}')
    cfg = load_config(a.preset, changes={'data.conflict_pct': pct})
    tr = load_data(cfg['data'], cfg['seed']).train
    with np.load(Path(folder)/'amplifier'/'scores.npz') as z: ce, pred = z['train_ce'], z['train_pred']
    if len(ce) != len(tr): raise SystemExit(f'{folder}: {len(ce)} scores for {len(tr)} training images')
    sc, conf = BiasScores(ce, np.exp(-ce), pred, tr.targets.copy()), tr.conflicting.astype(bool)
    share = float(conf.mean())
    table = compare_rules(sc, conf, rules=('otsu', 'valley', 'gmm', 'misclassified', 'topk'), k=0.01)
    table = table.rename(index={'topk': 'topk, k = 1%'})
    table.loc[f'topk, k = the true share ({share:.2%})'] = compare_rules(sc, conf, rules=('topk',), k=share).loc['topk']
    rules.append(table.rename_axis('rule').reset_index().assign(conflict_pct=pct, auroc=roc_auc_score(conf, ce)))
    flags = pseudo_bias(sc, cfg['amplifier']['rule'], cfg['amplifier']['topk'])
    for c in range(len(tr.classes)):
        i = tr.targets == c
        classes.append(dict(conflict_pct=pct, cls=tr.classes[c], bias=tr.bias_classes[tr.aligned_bias[c]],
                            n_conflicting=int(conf[i].sum()), auroc_within=roc_auc_score(conf[i], ce[i]),
                            misclassified=int((pred[i] != c).sum()), flagged=int(flags[i].sum()),
                            flagged_conflicting=int((flags[i] & conf[i]).sum())))
out = Path(a.out)
cols = ['conflict_pct', 'rule', 'auroc', 'n_flagged', 'precision', 'recall', 'f1']
pd.concat(rules)[cols].to_csv(out/'flag_rules.csv', index=False, float_format='%.4f')
pd.DataFrame(classes).to_csv(out/'flags_per_class.csv', index=False, float_format='%.4f')
print(pd.concat(rules)[cols].round(3).to_string(index=False))
print(pd.DataFrame(classes).round(3).to_string(index=False))
