"""What the DDB mechanism does on photos: how much of the background bias the synthetic images carry, and
whether an amplifier trained on them keeps finding the conflicting training images while the same model
trained on the real set (CE or GCE) memorises them. Reuses a run folder's cached stages (data, diffusion,
samples, amplifier); computes them when missing. Not a test: the numbers go in the README.

    python benchmarks/photo_study.py [--run runs/waterbirds-mini-long] [--config waterbirds-mini-long]
        [--seeds 3] [--steps N] [--out benchmarks/waterbirds-mini] [--json photo_study.json]
    python benchmarks/photo_study.py --run runs/cfmnist --config cfmnist --steps 1200 --out benchmarks/cfmnist \
        --json study.json
"""
import argparse, json, time
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from ddb.amplifier import detection_report, show_suspected
from ddb.analysis import bias_capture, memorisation_curves, plot_memorisation
from ddb.files import save_json
from ddb.pipeline import run_pipeline
from ddb.sampling import show_per_class

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--run', default='runs/waterbirds-mini-long'); p.add_argument('--config', default='waterbirds-mini-long')
p.add_argument('--seeds', type=int, default=3); p.add_argument('--out', default='benchmarks/waterbirds-mini')
p.add_argument('--steps', type=int, default=None, help="training steps of every amplifier (default: the preset "
                                                       "amplifier's epochs on the real set)")
p.add_argument('--set', nargs='*', default=[], help='config overrides, as for ddb run')
p.add_argument('--json', default='photo_study.json', help='the summary file written in --out')
a = p.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
t0 = time.time()
run = run_pipeline(a.config, a.run, a.set, stage='amplifier', quiet=True)
amp = run.cfg['amplifier']
# the real-data models get the amplifier's budget on the real set: its epochs at its batch size
steps = a.steps or amp['epochs'] * (len(run.data.train) // amp['bs']); every = max(1, steps // 10)
capture = bias_capture(run.synthetic, run.data, arch=amp['arch'], seed=0)
curves = memorisation_curves(run.data, run.synthetic, steps=steps, every=every, arch=amp['arch'],
                             bs=amp['bs'], lr=amp['lr'],
                             seeds=range(a.seeds))
curves.to_csv(out/'memorisation.csv', index=False, float_format='%.4f')
fig, axs = plt.subplots(1, 2, figsize=(11, 3.6))
for ax, metric in zip(axs, ('auroc', 'ap')): plot_memorisation(curves, metric, ax=ax)
fig.tight_layout(); fig.savefig(out/'memorisation.png', dpi=110); plt.close(fig)
figs = dict(synthetic_per_class=show_per_class(run.synthetic.train, n=8),
            suspected_conflicting=show_suspected(run.data.train, run.scores, n=24))
for name, f in figs.items(): f.savefig(out/f'{name}.png', dpi=110, bbox_inches='tight'); plt.close(f)
detection = detection_report(run.scores, run.data.train.conflicting, run.pseudo)
# each amplifier's last check (an epoch of the real set and one of the synthetic set end at different steps)
last = (curves[curves.step == curves.groupby('amplifier').step.transform('max')]
        .groupby('amplifier', sort=False)[['auroc', 'ap']].agg(['mean', 'std']).round(4))
summary = dict(run=str(a.run), capture=capture, steps=steps, every=every, seeds=a.seeds,
               final=json.loads(last.to_json(orient='index')), detection=detection,
               minutes=round((time.time() - t0) / 60, 1))
save_json(summary, out/a.json)
print(json.dumps(summary, indent=1))
