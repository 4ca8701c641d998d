"""The cost curve of DDB's diffusion stage: detection AUROC (and Recipe I's accuracy) against diffusion training
steps and against the UNet evaluations spent on sampling, with the label-free stopping rule's checks along the
way. Trains the preset's diffusion model once for its full length, with `CaptureCheck` recording every check
(it never stops here) and an EMA snapshot saved after every epoch; then runs the preset's own sampling and
amplifier on chosen snapshots, and other samplers on the last one. Not a test: the numbers go in the notebooks
and the README.

    python benchmarks/cost_curve.py --config cmnist-long --out benchmarks/cmnist --run runs/cost-cmnist
        [--snapshots 300,450,600,750,1050,1500] [--recipe-at 450,750,1500] [--samplers ddpm:25,ddim:25,ddim:10]
        [--metric unbiased_acc]
"""
import argparse, time
from pathlib import Path
import pandas as pd
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from ddb.config import load_config
from ddb.diffusion import diffusion_learner, train_diffusion, load_diffusion
from ddb.amplifier import infer_groups
from ddb.core import default_device
from ddb.analysis import DiffusionSnapshots, detection_from_model
from ddb.stopping import CaptureCheck
from ddb.pipeline import StageRunner, data_stage, method_stage, method_metrics

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--config', default='cmnist-long'); p.add_argument('--out', default=None)
p.add_argument('--run', default=None)
p.add_argument('--snapshots', default='300,450,600,750,1050,1500')
p.add_argument('--recipe-at', default='450,750,1500')
p.add_argument('--samplers', default='ddpm:25,ddim:25,ddim:10')
p.add_argument('--metric', default='unbiased_acc', help="Recipe I's headline metric (waterbirds-mini: worst_group_acc)")
p.add_argument('--set', nargs='*', default=[])
a = p.parse_args()
cfg = load_config(a.config, a.set)
out = Path(a.out or f'benchmarks/{cfg["name"]}'); out.mkdir(parents=True, exist_ok=True)
work = Path(a.run or f'runs/cost-{cfg["name"]}')
runner = StageRunner(work, default_device(cfg['device']), quiet=True)
data, cfg = data_stage(runner, cfg)   # resolved for the data and the device
d, s, amp = cfg['diffusion'], cfg['sampling'], cfg['amplifier']
t0 = time.time()

checks_csv = out/'capture_checks.csv'
if not (work/'snapshots'/str(d['steps'])).exists():
    learn = diffusion_learner(data, d['preset'], device=runner.device, seed=cfg['seed'],
                              **{k: d[k] for k in ('steps', 'bs', 'lr', 'img_size', 'prediction_type')})
    check = CaptureCheck(data.train, threshold=None, guidance=s['guidance'], seed=cfg['seed'],
                         true_conflicting=data.train.conflicting, log=print)
    with learn.no_bar(), learn.no_logging(): train_diffusion(learn, cbs=[check, DiffusionSnapshots(work/'snapshots')])
    check.table().to_csv(checks_csv, index=False)
print(f'diffusion + checks: {time.time() - t0:.0f} s', flush=True)

def evaluate(step, sampler='ddpm', n_steps=None, n_per_class=None, recipe=False):
    n_steps, n_per_class = n_steps or s['steps'], n_per_class or s['n_per_class']
    model = load_diffusion(work/'snapshots'/str(step), runner.device)
    d = detection_from_model(model, data, work/'samples'/f'{step}-{sampler}{n_steps}-{n_per_class}', amp,
                             n_per_class, seed=cfg['seed'],
                             device=runner.device, guidance=s['guidance'], steps=n_steps, scheduler=sampler, bs=s['bs'])
    ba, g, sample_s = d.amplifier, d.groups, d.sample_s
    det = g.detection(data.train.conflicting)
    row = dict(step=step, sampler=sampler, sample_steps=n_steps, n_per_class=n_per_class,
               unet_evals=n_steps * n_per_class * len(data.classes) * (2 if s['guidance'] else 1),
               sample_s=round(sample_s, 1),
               auroc=det['auroc'], ap=det['ap'], precision=det['precision'], recall=det['recall'],
               n_flagged=det['n_flagged'])
    if recipe:   # Recipe I on these groups, the run's backbone and budget (one seed)
        groups = {'train': g, 'valid': infer_groups(ba, data.valid, amp['rule'], amp['topk'])}
        folder = work/'recipes'/f'{step}-{sampler}{n_steps}-{n_per_class}'
        preds = method_stage(runner, 'ddb1', data, groups, cfg, folder)
        row.update({f'ddb1_{k}': v for k, v in method_metrics(preds, data).items()})
    print(row, flush=True)
    return row

rows = []
recipe_at = {int(x) for x in a.recipe_at.split(',') if x}
for step in [int(x) for x in a.snapshots.split(',')]: rows.append(evaluate(step, recipe=step in recipe_at))
for spec in [x for x in a.samplers.split(',') if x]:
    kind, n = spec.split(':'); rows.append(evaluate(d['steps'], kind, int(n)))
rows.append(evaluate(d['steps'], n_per_class=s['n_per_class'] // 2))
res = pd.DataFrame(rows)
res.to_csv(out/'cost_curve.csv', index=False, float_format='%.4f')
checks = pd.read_csv(checks_csv)
fig, axs = plt.subplots(1, 2, figsize=(11, 3.6))
own = res[(res.sampler == 'ddpm') & (res.sample_steps == s['steps']) & (res.n_per_class == s['n_per_class'])]
axs[0].plot(own.step, own.auroc, 'o-', label='amplifier (preset sampling), AUROC')
axs[0].plot(checks.step, checks.auroc, 's--', alpha=.7, label='quick check amplifier, AUROC')
axs[0].plot(checks.step, checks.jaccard, '^:', label='check: flag overlap with the previous')
col = f'ddb1_{a.metric}'
if col in own:
    r = own.dropna(subset=[col]); axs[0].plot(r.step, r[col], 'D-', label=f'Recipe I, {a.metric}')
hit = checks[checks.jaccard >= 0.8]
if len(hit):
    axs[0].axvline(hit.step.iloc[0], color='grey', ls='--', label='rule stops (overlap >= 0.8): step '
                                                                  f'{hit.step.iloc[0]}')
axs[0].set_xlabel('diffusion training steps'); axs[0].set_ylim(0, 1.02); axs[0].legend(fontsize=7)
axs[0].grid(alpha=.3)
last = res[res.step == d['steps']]
axs[1].scatter(last.unet_evals, last.auroc)
for _, r in last.iterrows():
    axs[1].annotate(f"{r.sampler} {r.sample_steps}, {r.n_per_class}/class", (r.unet_evals, r.auroc), fontsize=7)
axs[1].set_xscale('log'); axs[1].set_xlabel('UNet evaluations spent on sampling'); axs[1].set_ylabel('AUROC')
axs[1].grid(alpha=.3)
fig.suptitle(f"{cfg['name']}: cost of the diffusion stage"); fig.tight_layout()
fig.savefig(out/'cost_curve.png', dpi=110); plt.close(fig)
print(res.to_string()); print(checks.to_string()); print(f'total {time.time() - t0:.0f} s')
