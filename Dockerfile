# The eipassoc container image: a static binary on an empty base, run as a non-root user.
#
#   docker build --build-arg VERSION=v0.2.0 --build-arg COMMIT=$(git rev-parse HEAD) -t eipassoc .
#   docker run --rm -v "$PWD:/work" eipassoc check plan.json
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
ARG COMMIT=unknown
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -buildid= -X main.version=${VERSION} -X main.commit=${COMMIT}" \
    -o /out/eipassoc ./cmd/eipassoc

FROM scratch
# CA certificates, for check -live over HTTPS.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/eipassoc /eipassoc
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/eipassoc"]
CMD ["help"]
