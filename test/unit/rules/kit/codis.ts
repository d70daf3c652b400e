// CodisLabs/codis de1ad026e329561c22e2a3035fbfe89dc7fef764 (MIT, MIT-LICENSE.txt) Dockerfile:1-14:
// golang:1.8, GOPATH mode with vendor/ and no go.mod; `COPY . ${CODIS}` then `make build-all`
// (judge 40 Y). Shared by the GD104 and GD307 tests.
import { df } from '../../helpers';

/** The Dockerfile on `image`, with `run` as its last RUN (line 12). */
export function codisDockerfile(image = 'golang:1.8', run = 'RUN make -C ${CODIS} build-all'): string {
  return df([
    `FROM ${image}`,
    '',
    'RUN apt-get update',
    'RUN apt-get install -y autoconf',
    '',
    'ENV GOPATH /gopath',
    'ENV CODIS  ${GOPATH}/src/github.com/CodisLabs/codis',
    'ENV PATH   ${GOPATH}/bin:${PATH}:${CODIS}/bin',
    'COPY . ${CODIS}',
    '',
    'RUN make -C ${CODIS} distclean',
    run,
    '',
    'WORKDIR /codis',
  ]);
}
