"""Memory figures for the benches."""

import resource
from pathlib import Path


def peak_resident_mb() -> float:
    """The most this process has had resident, in MB.

    On Linux from /proc (VmHWM): getrusage's ru_maxrss survives execve, so a child that
    bench/speed.py starts after building a large project would report the parent's peak.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
