/**
 * Programs a container runtime injects from the host, which the program runs: the NVIDIA
 * container runtime (nvidia-container-toolkit) mounts the host's nvidia-smi and its libraries into
 * a container that asks for GPUs. That nvidia-smi is the host's glibc build: it needs glibc and
 * its loader (/lib64/ld-linux-*.so.2) in the image, which distroless/static and scratch lack
 * ("exec: no such file or directory"), and alpine's musl cannot load it.
 * utkuozdemir/nvidia_gpu_exporter: `const DefaultCommand = "nvidia-smi"` in internal/nvidiasmi
 * (run through exec.CommandContext with the command a flag gives), on distroless/base upstream.
 */
import { stripGoComments } from './goSource';

/** Programs the NVIDIA container runtime mounts from the host (utility and compute capabilities). */
const NVIDIA_INJECTED = /"((?:\/usr\/bin\/)?(?:nvidia-smi|nvidia-debugdump|nvidia-persistenced|nvidia-cuda-mps-control))(?:\s[^"]*)?"/;

/** The first file of the program's packages that imports os/exec and names such a program, with it; null when none. */
export function hostInjectedProgram(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[]): { name: string; file: string } | null {
  for (const p of packages) {
    for (const f of p.files) {
      if (!f.text.includes('os/exec') || !f.text.includes('nvidia-')) continue;
      const m = NVIDIA_INJECTED.exec(stripGoComments(f.text));
      if (m) return { name: m[1], file: p.dir === '' ? f.file : `${p.dir}/${f.file}` };
    }
  }
  return null;
}
