"""CPU threads of concurrent ddb runs: one `ddb run PRESET` alone, two at once, and `--processes 2`, each from an empty
folder.

ddb gives each process its run's share of the cores (`ddb.distributed.share_threads`), and runs that fill the cores
take turns on the CPU batch by batch (`ddb.distributed.cpu_turns`). This measures how concurrent runs fare on the
machine it runs on: the wall time of each run and its stages' seconds (from metrics.json), as a CSV. `--unshared` adds
two runs at once without turns (`DDB_CPU_TURNS=off`). Run it on an otherwise idle machine:

    python benchmarks/thread_sharing.py --preset cmnist --out benchmarks/cmnist/thread_sharing.csv
"""
import argparse, json, os, subprocess, tempfile, time
from pathlib import Path
import pandas as pd

def launch(preset:str, out:Path, extra=(), env=None)->subprocess.Popen:
    return subprocess.Popen(['ddb', 'run', preset, '--out', str(out), *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})})

def finish(p:subprocess.Popen, out:Path, t0:float, case:str)->dict:
    log = p.communicate()[0]
    if p.returncode: raise RuntimeError(f'{case}: ddb run failed\n{log[-2000:]}')
    m = json.loads((out/'metrics.json').read_text())
    threads = next((l for l in log.splitlines() if l.startswith('threads:')), '')
    return dict(case=case, wall_s=round(time.time() - t0, 1),
                stage_s=round(sum(m['timing_s'].values()), 1), threads=threads,
                ddb1_unbiased=round(100 * m['methods']['ddb1'].get('unbiased_acc', float('nan')), 1))

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--preset', default='cmnist'); ap.add_argument('--out', required=True)
    ap.add_argument('--unshared', action='store_true')
    ap.add_argument('--no-processes', action='store_true', help='leave out the --processes 2 run')
    a = ap.parse_args()
    root, rows = Path(tempfile.mkdtemp(prefix='ddb-threads-')), []
    def at_once(case, n, env=None, extra=()):
        t0 = time.time()
        ps = [(launch(a.preset, root/f'{case}-{i}', extra, env), root/f'{case}-{i}') for i in range(n)]
        return [finish(p, o, t0, case) for p, o in ps]
    rows += at_once('one run alone', 1)
    rows += at_once('two runs at once', 2)
    if a.unshared: rows += at_once('two runs at once, no turns', 2, env={'DDB_CPU_TURNS': 'off'})
    if not a.no_processes: rows += at_once('one run, --processes 2', 1, extra=('--processes', '2'))
    df = pd.DataFrame(rows); alone = df.wall_s.iloc[0]
    df['x_alone'] = (df.wall_s / alone).round(2)
    df.insert(0, 'cores', len(os.sched_getaffinity(0)))
    Path(a.out).parent.mkdir(parents=True, exist_ok=True); df.to_csv(a.out, index=False)
    print(df.to_string(index=False))

if __name__ == '__main__': main()
