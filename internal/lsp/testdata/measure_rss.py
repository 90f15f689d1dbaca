#!/usr/bin/env python3
# Peak memory of `memlint lsp` analysing one file, as reported for issue 9:
#   [SAVES=N] [LSPARGS=-engine=checker] python3 internal/lsp/testdata/measure_rss.py /path/to/memlint /abs/file.go
# Runs the server under /usr/bin/time -v (Debian package `time`), opens the file,
# waits for its diagnostics, sends N didSave, shuts down; prints the peak RSS of the
# largest process (time -v), the peak of the whole process tree (sampled every 50 ms)
# and the server's idle RSS after each analysis. Linux only (/proc).
"""Drive `memlint lsp` under /usr/bin/time -v: open one file, wait for its
diagnostics, shut down; print diagnostics count, wall time, peak RSS."""
import json, os, subprocess, sys, time, pathlib
bin_, path = sys.argv[1], os.path.abspath(sys.argv[2])
uri = pathlib.Path(path).as_uri()
p = subprocess.Popen(['/usr/bin/time', '-v', bin_, 'lsp', '-debounce=10ms'] + os.environ.get('LSPARGS', '').split(), cwd=os.path.dirname(path),
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
import threading
peak_tree = [0]
def tree_rss(pid):
    total = 0
    try:
        for l in open(f'/proc/{pid}/status'):
            if l.startswith('VmRSS'): total += int(l.split()[1])
        for t in os.listdir(f'/proc/{pid}/task'):
            for k in open(f'/proc/{pid}/task/{t}/children').read().split(): total += tree_rss(int(k))
    except (FileNotFoundError, ProcessLookupError, ValueError): pass
    return total
def sampler():
    while p.poll() is None:
        kids = open(f'/proc/{p.pid}/task/{p.pid}/children').read().split() if os.path.exists(f'/proc/{p.pid}') else []
        if kids: peak_tree[0] = max(peak_tree[0], tree_rss(int(kids[0])))
        time.sleep(0.05)
threading.Thread(target=sampler, daemon=True).start()
def send(obj):
    b = json.dumps(obj).encode()
    p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def recv():
    n = 0
    while True:
        line = p.stdout.readline()
        if not line: raise SystemExit('server closed stdout')
        line = line.strip()
        if not line: break
        k, v = line.split(b':', 1)
        if k.lower() == b'content-length': n = int(v)
    return json.loads(p.stdout.read(n))
t0 = time.time()
send({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize', 'params': {'processId': os.getpid(), 'rootUri': None, 'capabilities': {}}})
while recv().get('id') != 1: pass
send({'jsonrpc': '2.0', 'method': 'initialized', 'params': {}})
send({'jsonrpc': '2.0', 'method': 'textDocument/didOpen', 'params': {'textDocument': {'uri': uri, 'languageId': 'go', 'version': 1, 'text': open(path).read()}}})
while True:
    m = recv()
    if m.get('method') == 'textDocument/publishDiagnostics' and m['params']['uri'] == uri:
        ndiag = len(m['params']['diagnostics']); break
wall = time.time() - t0
def server_rss():
    kids = open(f'/proc/{p.pid}/task/{p.pid}/children').read().split()
    for l in open(f'/proc/{kids[0]}/status'):
        if l.startswith('VmRSS'): return l.split(':')[1].strip()
time.sleep(2); idle = [server_rss()]
saves = int(os.environ.get('SAVES', '0'))
for i in range(saves):
    send({'jsonrpc': '2.0', 'method': 'textDocument/didSave', 'params': {'textDocument': {'uri': uri}}})
    while True:
        m = recv()
        if m.get('method') == 'textDocument/publishDiagnostics' and m['params']['uri'] == uri: break
    time.sleep(2); idle.append(server_rss())
send({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'})
while recv().get('id') != 2: pass
send({'jsonrpc': '2.0', 'method': 'exit'})
p.stdin.close()
err = p.stderr.read().decode(); rc = p.wait()
rss = [l for l in err.splitlines() if 'Maximum resident' in l]
logl = [l for l in err.splitlines() if l.startswith('memlint lsp:')]
print(f'{path}: {ndiag} diagnostics, {wall:.1f}s to diagnostics, exit {rc}; {rss[0].strip() if rss else "?"}; process-tree peak (sampled 50ms) {peak_tree[0]} kB; idle VmRSS after each analysis: {idle}')
for l in logl: print('   ', l)
