"""Cheaper diffusion models for Colored MNIST 1%, and the detection each gives: a variant of the `mnist-cpu` preset
(fewer channels, a lower resolution, bf16) is trained for `--steps` steps with EMA snapshots at `--snapshots`; each
snapshot samples 100 images per class (25 guided DDPM steps) and trains the preset's amplifier, whose AUROC on the
real training set is recorded. Not a test: about 5-10 minutes per variant on 2 cores. Appends to
`benchmarks/cmnist/diffusion_variants.csv`.

    python benchmarks/diffusion_variants.py --name c16-32-32 --set '{"channels": [16, 32, 32]}'
    python benchmarks/diffusion_variants.py --name img12 --set '{"img_size": 12}' --snapshots 750,1050,1500
    python benchmarks/diffusion_variants.py --name bf16 --precision bf16 --snapshots 750,1050,1500
"""
import argparse, json, time
from pathlib import Path
import pandas as pd
from ddb.config import load_config
from ddb.analysis import DiffusionSnapshots, detection_from_model
from ddb.diffusion import diffusion_learner, train_diffusion, load_diffusion
from ddb.core import default_device
from ddb.pipeline import StageRunner, data_stage

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--name', required=True)
p.add_argument('--set', default='{}', help='JSON: mnist-cpu settings to change')
p.add_argument('--steps', type=int, default=1500); p.add_argument('--seed', type=int, default=0)
p.add_argument('--snapshots', default='300,450,600,750,1050,1500'); p.add_argument('--precision', default='fp32')
p.add_argument('--work', default='runs/diffusion-variants')
p.add_argument('--out', default='benchmarks/cmnist/diffusion_variants.csv')
a = p.parse_args()
snaps = [int(s) for s in a.snapshots.split(',')]
variant = json.loads(a.set)   # mnist-cpu's settings that change: diffusion_learner takes them as overrides
cfg = load_config('cmnist-long', [f'seed={a.seed}'])
work = Path(a.work)/f'{a.name}-{a.steps}-s{a.seed}'
runner = StageRunner(Path(a.work)/f'data-s{a.seed}', default_device(cfg['device']), quiet=True)
data, cfg = data_stage(runner, cfg); amp = cfg['amplifier']

t0 = time.time()
if not (work/'snapshots'/str(snaps[-1])).exists():
    learn = diffusion_learner(data, 'mnist-cpu', seed=a.seed, steps_per_epoch=a.steps // 20, precision=a.precision,
                              **{**variant, 'steps': a.steps})
    with learn.no_bar(), learn.no_logging(): train_diffusion(learn, cbs=[DiffusionSnapshots(work/'snapshots', snaps)])
train_s = time.time() - t0
rows = []
for step in snaps:
    model = load_diffusion(work/'snapshots'/str(step), runner.device)
    groups = detection_from_model(model, data, work/'samples'/f'{step}-25', amp, 100, seed=a.seed,
                                  device=runner.device, precision=a.precision,
                                  guidance=1.0, steps=25, scheduler='ddpm', bs=250).groups
    det = groups.detection(data.train.conflicting)
    rows.append(dict(variant=a.name, settings=a.set, precision=a.precision, total_steps=a.steps, seed=a.seed, step=step,
                     train_s=round(train_s, 1), auroc=round(det['auroc'], 4), ap=round(det['ap'], 4),
                     n_flagged=det['n_flagged']))
    print(rows[-1], flush=True)
out = Path(a.out)
old = pd.read_csv(out) if out.exists() else None
pd.concat([old, pd.DataFrame(rows)] if old is not None else [pd.DataFrame(rows)]).to_csv(out, index=False)
