import { df } from '../../helpers';

/**
 * pufferpanel/pufferpanel at 980d599 (Apache-2.0), judged in round 27 (judge Y, W4 and W5):
 * Dockerfile-templatetester builds tools/templatetester, a harness that installs and starts game
 * servers from PufferPanel templates, into an ubuntu:20.04 image with steamcmd, mono-complete,
 * nodejs, build-essential and git. Skeleton of the files that matter (real sizes in bytes):
 * go.mod 9035, .dockerignore 137, tools/templatetester/main.go 12636 (`prg.Install()` :352,
 * `prg.Start()` :417), servers/env_loader_tty.go 269, servers/env_loader_standard.go 237,
 * servers/scheduler.go 3860 (`time.LoadLocation(s.Timezone)` :63), servers/tty/tty.go 6993
 * (`exec.Command(steps.Command, steps.Arguments...)` :35, the command from a template file),
 * servers/standard/standard.go 4414 (the same call, :25; windows only), Dockerfile-templatetester
 * 2442. Import blocks as in the repository, bodies cut to the lines that matter.
 */
export const PUFFERPANEL_FILES: Record<string, string> = {
  'go.mod': 'module github.com/pufferpanel/pufferpanel/v3\n\ngo 1.22\n\ntoolchain go1.22.0\n\nrequire (\n\tgithub.com/creack/pty v1.1.23\n\tgithub.com/docker/docker v26.1.5+incompatible\n\tgithub.com/go-co-op/gocron v1.37.0\n\tgithub.com/go-git/go-git/v5 v5.12.0\n\tgithub.com/shirou/gopsutil v3.21.11+incompatible\n\tgithub.com/spf13/cast v1.6.0\n)\n',
  '.dockerignore': '.idea/**\n.github/**\n.azure/*\n.git/**\n*.syso\n**/node_modules/**\n\n.gitignore\nLICENSE\nazure-pipelines.yml\ncrowdin.yml\nDockerfile\nDockerfile*',
  'version.go': 'package pufferpanel\n\nvar Version = "nightly"\n\ntype ExecutionData struct {\n\tCommand   string\n\tArguments []string\n}\n',
  'tools/templatetester/main.go': 'package main\n\nimport (\n\t"bufio"\n\t"bytes"\n\t"context"\n\t"encoding/json"\n\t"errors"\n\t"flag"\n\t"fmt"\n\t"github.com/docker/docker/api/types/container"\n\t"github.com/docker/docker/api/types/filters"\n\t"github.com/docker/docker/client"\n\t"github.com/go-git/go-git/v5"\n\t"github.com/go-git/go-git/v5/plumbing"\n\t"github.com/pufferpanel/pufferpanel/v3"\n\t"github.com/pufferpanel/pufferpanel/v3/servers"\n\t"io/fs"\n\t"log"\n\t"os"\n\t"path/filepath"\n\t"strings"\n\t"time"\n)\n\nfunc main() {\n\tprg := servers.CreateProgram()\n\t_ = prg.Install()\n\t_ = prg.Start()\n}\n',
  'servers/env_loader_tty.go': '//go:build !windows && !nohost\n\npackage servers\n\nimport "github.com/pufferpanel/pufferpanel/v3/servers/tty"\n\nfunc init() {\n\tenvMapping["host"] = tty.EnvironmentFactory{}\n\tenvMapping["tty"] = tty.EnvironmentFactory{}\n\tenvMapping["standard"] = tty.EnvironmentFactory{}\n}\n',
  'servers/env_loader_standard.go': '//go:build windows && !nohost\n\npackage servers\n\nimport "github.com/pufferpanel/pufferpanel/v3/servers/standard"\n\nfunc init() {\n\tenvMapping["host"] = standard.EnvironmentFactory{}\n\tenvMapping["standard"] = standard.EnvironmentFactory{}\n}\n',
  'servers/scheduler.go': 'package servers\n\nimport (\n\t"encoding/json"\n\t"github.com/go-co-op/gocron"\n\t"github.com/pufferpanel/pufferpanel/v3"\n\t"github.com/pufferpanel/pufferpanel/v3/config"\n\t"github.com/pufferpanel/pufferpanel/v3/logging"\n\t"os"\n\t"path/filepath"\n\t"time"\n)\n\nfunc (s *Scheduler) Init() error {\n\tvar timezone *time.Location\n\tvar err error\n\tif s.Timezone != "" {\n\t\ttimezone, err = time.LoadLocation(s.Timezone)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n\treturn nil\n}\n',
  'servers/tty/tty.go': '//go:build !windows\n\npackage tty\n\nimport (\n\t"errors"\n\t"fmt"\n\t"github.com/creack/pty"\n\t"github.com/pufferpanel/pufferpanel/v3"\n\t"github.com/pufferpanel/pufferpanel/v3/logging"\n\t"github.com/shirou/gopsutil/process"\n\t"github.com/spf13/cast"\n\t"io"\n\t"net"\n\t"os"\n\t"os/exec"\n\t"strings"\n\t"sync"\n\t"syscall"\n\t"time"\n)\n\nfunc (t *tty) ttyExecuteAsync(steps pufferpanel.ExecutionData) (err error) {\n\tt.Wait.Add(1)\n\n\tpr := exec.Command(steps.Command, steps.Arguments...)\n\tpr.Dir = t.GetRootDirectory()\n\treturn nil\n}\n',
  'servers/standard/standard.go': 'package standard\n\nimport (\n\t"errors"\n\t"fmt"\n\t"github.com/pufferpanel/pufferpanel/v3"\n\t"github.com/pufferpanel/pufferpanel/v3/logging"\n\t"github.com/shirou/gopsutil/process"\n\t"github.com/spf13/cast"\n\t"os"\n\t"os/exec"\n\t"runtime"\n\t"strings"\n\t"syscall"\n\t"time"\n)\n\nfunc (s *standard) standardExecuteAsync(steps pufferpanel.ExecutionData) (err error) {\n\ts.Wait.Add(1)\n\ts.mainProcess = exec.Command(steps.Command, steps.Arguments...)\n\treturn nil\n}\n',
};

/** The final stage's package install of Dockerfile-templatetester (line 46), with the packages given. */
export const PUFFERPANEL_INSTALL = (packages = 'wget build-essential zip unzip tar git xz-utils nodejs lib32gcc1 libstdc++6 libstdc++6:i386 libtinfo5:i386 libncurses5:i386 libcurl3-gnutls:i386 mono-complete steamcmd') =>
  `    apt-get install -y ${packages} && \\`;

/**
 * Dockerfile-templatetester as in the repository, shortened: the apt proxy lines, the apt key and
 * the lines adding the mono and node apt sources left out, the Go archive's address replaced;
 * `install` replaces line 46.
 */
export const TEMPLATETESTER_DF = (install = PUFFERPANEL_INSTALL()) => df([
  'FROM ubuntu:20.04 as go',
  '',
  'ARG aptproxy=""',
  'ENV DEBIAN_FRONTEND=noninteractive',
  '',
  'WORKDIR /home/pufferpanel/build',
  '',
  'RUN apt-get update && \\',
  '    apt-get install -y build-essential wget tar && \\',
  '    wget https://example.invalid/go1.22.3.linux-amd64.tar.gz && \\',
  '    rm -rf /usr/local/go && tar -C /usr/local -xzf go*.linux-amd64.tar.gz && \\',
  '    apt-get clean && \\',
  '    rm -rf /var/cache/apt/archives',
  '',
  'ENV CGOENABLED=1',
  'ENV PATH="$PATH:/usr/local/go/bin"',
  '',
  'COPY go.mod go.sum ./',
  'RUN go mod download && go mod verify',
  '',
  'COPY . .',
  '',
  'ARG GOPROXY=""',
  'RUN go build -v -buildvcs=false -o /home/pufferpanel/templatetester github.com/pufferpanel/pufferpanel/v3/tools/templatetester',
  '',
  'FROM ubuntu:20.04 AS final',
  '',
  'ENV DEBIAN_FRONTEND=noninteractive',
  'ENV NODE_MAJOR=20',
  '',
  'ARG aptproxy=""',
  '',
  'RUN apt-get update && \\',
  '    apt-get install -y dirmngr gnupg apt-transport-https ca-certificates software-properties-common curl && \\',
  '    dpkg --add-architecture i386 && \\',
  '    apt-get update && \\',
  install,
  '    apt-get clean && \\',
  '    rm -rf /var/cache/apt/archives && \\',
  '    useradd pufferpanel && \\',
  '    mkdir /home/pufferpanel && \\',
  '    chown -R pufferpanel:pufferpanel /home/pufferpanel',
  '',
  'WORKDIR /home/pufferpanel',
  'COPY --from=go /home/pufferpanel/templatetester /home/pufferpanel/templatetester',
  '',
  'USER pufferpanel',
  '',
  'ENTRYPOINT ["./templatetester"]',
  'CMD []',
]);
