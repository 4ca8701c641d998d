"""Classifier-free guidance against detection on Colored MNIST 1% (or another preset's data, `--config`): for trained
diffusion models (run folders or snapshots), sample `--n` images per class with guidance w (25 DDPM steps), train the
preset's amplifier on them and score the real training set (bias labels used only for the AUROC). Not a test: about
a minute per (model, w) on 2 cores. Writes `benchmarks/cmnist/guidance.csv`.

    python benchmarks/guidance.py --models mnist-small-s0=runs/fast/s0/diffusion/model --w 0,0.5,1,3
    python benchmarks/guidance.py --models mnist-cpu-s0=runs/long/s0/diffusion/model --w 0,1
    python benchmarks/guidance.py --config waterbirds-mini --seed 1 \
        --models mnist-small-s1=runs/wbfast/s1/diffusion/model --work runs/guidance-wb1 \
        --out benchmarks/waterbirds-mini/guidance.csv

`--seed` is the run's seed, which also draws the data (the photos, Colored MNIST's colours): give each model the seed
it was trained with.

The models come from `benchmarks/fast_runs.py` (`ddb run cmnist`, seed 0; and `--preset cmnist-long`); a row
already in the CSV is not measured again.
"""
import argparse
from pathlib import Path
import pandas as pd
from ddb.config import load_config
from ddb.analysis import detection_from_model
from ddb.diffusion import load_diffusion
from ddb.core import default_device
from ddb.pipeline import StageRunner, data_stage

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--models', nargs='+', required=True, help='name=folder of a saved diffusion model')
p.add_argument('--w', default='0,1'); p.add_argument('--n', type=int, default=200)
p.add_argument('--steps', type=int, default=25)
p.add_argument('--config', default='cmnist'); p.add_argument('--seed', type=int, default=0)
p.add_argument('--work', default='runs/guidance'); p.add_argument('--out', default='benchmarks/cmnist/guidance.csv')
a = p.parse_args()
cfg = load_config(a.config, [f'seed={a.seed}'])
runner = StageRunner(Path(a.work)/'data', default_device(cfg['device']), quiet=True)
data, cfg = data_stage(runner, cfg)
amp = cfg['amplifier']
out = Path(a.out); rows = pd.read_csv(out).to_dict('records') if out.exists() else []
for spec in a.models:
    name, folder = spec.split('=', 1)
    model = load_diffusion(folder, runner.device)
    for w in (float(v) for v in a.w.split(',')):
        # measured already
        if any(r['model'] == name and r['w'] == w and r['n_per_class'] == a.n for r in rows): continue
        d = detection_from_model(model, data, Path(a.work)/f'{name}-w{w:g}-n{a.n}', amp, a.n, device=runner.device,
                                 guidance=w, steps=a.steps,
                                 scheduler='ddpm', bs=250)
        sample_s, det = d.sample_s, d.groups.detection(data.train.conflicting)
        rows.append(dict(model=name, w=w, n_per_class=a.n, sample_steps=a.steps, sample_s=round(sample_s, 1),
                         auroc=round(det['auroc'], 4),
                         ap=round(det['ap'], 4), n_flagged=det['n_flagged'], precision=round(det['precision'], 3),
                         recall=round(det['recall'], 3)))
        print(rows[-1], flush=True)
        pd.DataFrame(rows).to_csv(out, index=False)
