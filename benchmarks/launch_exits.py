"""How often a two-process launch ends cleanly, with and without leaving the process group at exit.

A process that exits while still in its gloo process group can abort as the interpreter tears down (`terminate called
without an active exception`, SIGABRT), and torchrun then reports the whole launch as failed although every process did
its work. `ddb.distributed.start_processes` registers `end_processes` at exit, which leaves the group first. Each launch
here joins the group, exchanges a few values as a run does, and exits; `--keep-group` unregisters `end_processes` (the
behaviour before it existed).

    python benchmarks/launch_exits.py --launches 20     # -> benchmarks/launch_exits.csv (appends one row per variant)
"""
import argparse, os, subprocess, sys, tempfile, time
from pathlib import Path
import pandas as pd

PROBE = '''
import atexit, sys, torch
from ddb.distributed import start_processes, end_processes, barrier, from_main, first_of_any, gather_to_main
start_processes(torch.device('cpu'))
if '--keep-group' in sys.argv: atexit.unregister(end_processes)
for i in range(3): barrier(); from_main(i); first_of_any(None); gather_to_main(i)
'''

def launches(n:int, keep_group:bool, work:Path)->dict:
    "Launch the probe `n` times under torchrun: how many failed, and how many of those aborted at exit."
    (work/'probe.py').write_text(PROBE)
    failed = aborted = 0
    t0 = time.time()
    for _ in range(n):
        r = subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--standalone',
                            '--nproc_per_node', '2', 'probe.py',
                            *(['--keep-group'] if keep_group else [])], cwd=work,
                            capture_output=True, text=True, timeout=300,
                           env={**os.environ, 'OMP_NUM_THREADS': '1'})
        failed += r.returncode != 0
        aborted += 'terminate called without an active exception' in r.stderr
    return dict(leaves_group=not keep_group, launches=n, failed=failed, aborted_at_exit=aborted,
                seconds=round(time.time() - t0, 1),
                date=time.strftime('%Y-%m-%d'), cores=os.cpu_count())

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--launches', type=int, default=20)
    p.add_argument('--out', default=str(Path(__file__).parent/'launch_exits.csv'))
    a = p.parse_args()
    rows = [launches(a.launches, keep, Path(tempfile.mkdtemp())) for keep in (True, False)]
    old = pd.read_csv(a.out) if Path(a.out).exists() else None
    df = pd.concat([old, pd.DataFrame(rows)], ignore_index=True) if old is not None else pd.DataFrame(rows)
    df.to_csv(a.out, index=False)
    print(df.to_string(index=False))
