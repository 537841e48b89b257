"""The driver of bench/http-siege.sh (see there); loopback only."""
import hashlib, http.client as http_client, os, random, socket, struct, subprocess, sys, tempfile, threading, time, zlib

KEY = "http-siege-key-0123456789"  # a wall key needs at least 16 characters
stop = threading.Event()


def png(path, width, height):
    """An incompressible RGB PNG (stored, not deflated), about width*height*3 bytes."""
    rows = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def ctl_status(http):
    start = time.monotonic()
    run = subprocess.run([hw, "ctl", "--master", f"http://127.0.0.1:{http}", "status"],
                         capture_output=True, timeout=30, env={**os.environ, "HYPERWALL_KEY": KEY})
    return time.monotonic() - start, run.returncode == 0


def api_status(http):
    """s for GET /api/status as the web remote asks it (the server alone, no process to start)."""
    start = time.monotonic()
    try:
        connection = http_client.HTTPConnection("127.0.0.1", http, timeout=30)
        connection.request("GET", "/api/status", headers={"X-Hyperwall-Key": KEY})
        ok = connection.getresponse().status == 200
        connection.close()
    except OSError:
        ok = False
    return time.monotonic() - start, ok


def fetch(http, digest):
    """MB/s of one GET /assets/DIGEST as a node asks for it."""
    sock = socket.create_connection(("127.0.0.1", http), timeout=30)
    sock.sendall(f"GET /assets/{digest} HTTP/1.1\r\nHost: master\r\nX-Hyperwall-Key: {KEY}\r\n"
                 "Connection: close\r\n\r\n".encode())
    start, got = time.monotonic(), 0
    while True:
        data = sock.recv(1 << 20)
        if not data:
            break
        got += len(data)
    sock.close()
    return got / (time.monotonic() - start) / 1e6, got


def slowloris(http, counts):
    while not stop.is_set():
        try:
            sock = socket.create_connection(("127.0.0.1", http), timeout=5)
            sock.sendall(b"GET /api/status HTTP/1.1\r\nHost: master\r\n")
            counts["slow"] += 1
            while not stop.is_set():
                sock.sendall(b"X")
                stop.wait(1)
        except OSError:
            pass


def flood(http, counts):
    field = b"X-Flood: " + b"f" * 8192 + b"\r\n"
    while not stop.is_set():
        try:
            sock = socket.create_connection(("127.0.0.1", http), timeout=5)
            sock.sendall(b"GET /api/status HTTP/1.1\r\n")
            counts["flood"] += 1
            for _ in range(10000):
                if stop.is_set():
                    break
                sock.sendall(field)
            sock.close()
        except OSError:
            pass


def attack(http):
    """The attack, in a process of its own (`http_siege.py --attack HTTP`, until its stdin closes)
    so its threads neither hold the measuring process's GIL nor the master's priority: on a LAN
    the attacker is another computer. Prints how many connections it made."""
    os.nice(10)
    counts = {"slow": 0, "flood": 0}
    attackers = [threading.Thread(target=slowloris, args=(http, counts)) for _ in range(64)]
    attackers += [threading.Thread(target=flood, args=(http, counts)) for _ in range(8)]
    for thread in attackers:
        thread.start()
    sys.stdin.read()
    stop.set()
    for thread in attackers:
        thread.join()
    print(counts["slow"], counts["flood"])


def median_fetch(http, digest, times=5):
    """The median MB/s of `times` fetches (one transfer on a shared machine is noisy) and the size."""
    runs = [fetch(http, digest) for _ in range(times)]
    return sorted(speed for speed, _ in runs)[times // 2], min(size for _, size in runs)


def cpu_seconds(pid):
    """User + system CPU seconds process `pid` has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return -1


def timed_status(http, duration):
    """`ctl status` and GET /api/status in turn for `duration` s: latencies and failures of each."""
    runs = {ctl_status: ([], 0), api_status: ([], 0)}
    end = time.monotonic() + duration
    while time.monotonic() < end:
        for ask in runs:
            latency, ok = ask(http)
            runs[ask][0].append(latency)
            runs[ask] = (runs[ask][0], runs[ask][1] + (not ok))
    return runs[ctl_status], runs[api_status]


def report(label, runs, speed):
    for name, (latencies, failures) in zip(("ctl status", "GET /api/status"), runs):
        print(f"{label}: {name} n={len(latencies)} failed={failures} "
              f"p50={percentile(latencies, 50) * 1000:.0f} ms p99={percentile(latencies, 99) * 1000:.0f} ms "
              f"max={max(latencies) * 1000:.0f} ms")
    print(f"{label}: 50 MB asset fetch {speed:.0f} MB/s (median of 5)")


if sys.argv[1] == "--attack":
    attack(int(sys.argv[2]))
    sys.exit(0)
hw, seconds = sys.argv[1], float(sys.argv[2])
with tempfile.TemporaryDirectory(prefix="hw-http-siege.") as scratch:
    show = os.path.join(scratch, "show")
    os.mkdir(show)
    png(os.path.join(show, "1-big.png"), 4096, 4096)  # 50.3 MB
    with open(os.path.join(show, "1-big.png"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    port = 30000 + random.randrange(5000) * 2
    http = port + 1
    master = subprocess.Popen([hw, "master", show, "--bind", "127.0.0.1", "--port", str(port),
                               "--http-port", str(http), "--key", KEY,
                               "--state", os.path.join(scratch, "state.json")],
                              stderr=subprocess.PIPE, text=True)
    try:
        last = "no output"
        for last in master.stderr:
            if "serving" in last:
                break
        else:
            sys.exit(f"http-siege: the master did not start: {last.strip()}")
        threading.Thread(target=lambda: [None for _ in master.stderr], daemon=True).start()
        quiet_speed, size = median_fetch(http, digest)
        quiet = timed_status(http, 5)
        report("quiet", quiet, quiet_speed)
        attacker = subprocess.Popen([sys.executable, __file__, "--attack", str(http)],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        time.sleep(3)  # let every attacker connect before measuring
        attack_start, attack_cpu = time.monotonic(), cpu_seconds(master.pid)
        attacked_speed, attacked_size = median_fetch(http, digest)
        attacked = timed_status(http, max(seconds - 3, 5))
        master_load = (cpu_seconds(master.pid) - attack_cpu) / (time.monotonic() - attack_start)
        slow, floods = attacker.communicate("", timeout=60)[0].split()
        attack_seconds = time.monotonic() - attack_start + 3
        report("attacked", attacked, attacked_speed)
        print(f"attack: 64 slowloris + 8 header floods for {attack_seconds:.0f} s "
              f"({slow} slow and {floods} flood connections made, at nice 10); "
              f"fetched {size} and {attacked_size} bytes; "
              f"fetch speed attacked/quiet {attacked_speed / quiet_speed:.2f}; "
              f"master peak RSS {peak_rss_mb(master.pid):.0f} MB; "
              f"master CPU under attack {master_load * 100:.0f} % of one core")
    finally:
        master.terminate()
        master.wait(timeout=30)
