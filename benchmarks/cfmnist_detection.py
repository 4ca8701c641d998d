"""How well DDB's amplifier finds the bias-conflicting images of Corrupted Fashion-MNIST (a texture bias), per
front-half setting: `ddb run cfmnist --stage amplifier` with `--set` overrides (cached in `runs/cfmnist-<label>`),
then the detection AUROC over the training set and within each class (the flags are drawn per class, so a class
whose aligned images all score high is where detection fails), with the flags' precision and recall. Bias labels
are read only to score. Not a test: about 15 minutes a setting on one core (data 3, diffusion 6, sampling 6).
Writes a row of `benchmarks/cfmnist/detection.csv` per label (replacing that label's earlier row) and
`benchmarks/cfmnist/synthetic_<label>.jpg`, ten synthetic images of each class (one class per row).

    python benchmarks/cfmnist_detection.py --label w0
    python benchmarks/cfmnist_detection.py --label w1 --set sampling.guidance=1.0
    python benchmarks/cfmnist_detection.py --label eps --set diffusion.prediction_type=epsilon
    python benchmarks/cfmnist_detection.py --label eps-ddim --set sampling.scheduler=ddim --capture
"""
import argparse, json, time
from pathlib import Path
import numpy as np, pandas as pd
from PIL import Image
from sklearn.metrics import roc_auc_score
from ddb.analysis import bias_capture
from ddb.cfmnist import CORRUPTIONS
from ddb.pipeline import run_pipeline

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--label', required=True); p.add_argument('--set', nargs='*', default=[])
p.add_argument('--preset', default='cfmnist'); p.add_argument('--out', default='benchmarks/cfmnist/detection.csv')
p.add_argument('--capture', action='store_true', help="also the share of synthetic images that carry their class's "
                                                      "corruption (`bias_capture`: a reader trained on the real bias "
                                                      "labels; a few minutes more)")
a = p.parse_args()
t0 = time.time()
run = run_pipeline(a.preset, Path('runs')/f'cfmnist-{a.label}', a.set, stage='amplifier', quiet=True)
tr, inferred = run.data.train, run.inferred['train']
det, conf, loss = inferred.detection(tr.conflicting), tr.conflicting.astype(bool), inferred.scores.ce
within = {f'{tr.classes[c]}/{CORRUPTIONS[c]}': round(float(roc_auc_score(conf[tr.targets == c], loss[tr.targets == c])),
                                                     3) for c in range(len(tr.classes))}
row = dict(label=a.label, settings=' '.join(a.set), conflict_pct=run.cfg['data']['conflict_pct'],
           auroc=round(det['auroc'], 4),
           auroc_within_class=round(float(np.mean(list(within.values()))), 4), n_flagged=det['n_flagged'],
           precision=round(det['precision'], 4), recall=round(det['recall'], 4), seconds=round(time.time() - t0),
           within_class=json.dumps(within))
if a.capture:
    cap = bias_capture(run.synthetic, run.data, arch=run.cfg['amplifier']['arch'], seed=0)
    row.update(capture=round(cap['capture'], 4), capture_per_class=json.dumps({c: round(v, 3) for c, v in
                                                                              cap['per_class'].items()}))
print(row, flush=True)
out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
old = pd.read_csv(out) if out.exists() else None
if old is not None: old = old[old.label != a.label]
pd.concat([d for d in (old, pd.DataFrame([row])) if d is not None]).to_csv(out, index=False)
synth = run.synthetic.train
rows = [np.concatenate([np.pad(synth.image(i), ((1, 1), (1, 1), (0, 0)), constant_values=255)
                        for i in np.flatnonzero(synth.targets == c)[:10]], 1)
        for c in range(len(synth.classes))]
Image.fromarray(np.concatenate(rows, 0)).save(out.parent/f'synthetic_{a.label}.jpg', quality=75)
