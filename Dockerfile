# syntax=docker/dockerfile:1
# Glidepath server: build with the SDK (and Node for the web app), run on the ASP.NET runtime as a
# non-root user with a read-only root file system (docs/operations.md, "Deployment files").
# The versions follow global.json (SDK 10) and the README (Node.js 20.19+).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cd web && npm ci
RUN dotnet publish src/Glidepath.Server -c Release -o /app/server \
 && dotnet publish src/Glidepath.Cli -c Release --use-current-runtime -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# pg_dump and pg_restore for `glidepath backup` on PostgreSQL; curl for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/server ./
COPY --from=build /app/cli ./cli/
RUN ln -s /app/cli/glidepath /usr/local/bin/glidepath \
 && mkdir -p /data /keys && chown 1654:1654 /data /keys
# The image's own non-root user (uid 1654, "app").
USER 1654
# Everything written at run time goes to /data (SQLite, backups, mail pickup) and /keys (signing and
# Data Protection keys): mount volumes there, a tmpfs on /tmp, and run with a read-only root file system.
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:8080 \
    ConnectionStrings__Sqlite="Data Source=/data/glidepath.db" \
    Auth__KeyFolder=/keys \
    Auth__EmailPickupFolder=/data/mail \
    Backups__Folder=/data/backups \
    MarketData__Providers__local__BaseUrl=/data/prices \
    Metrics__Port=9464 \
    Metrics__Host=* \
    Logging__Format=json \
    DOTNET_EnableDiagnostics=0
EXPOSE 8080 9464
VOLUME ["/data", "/keys"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Glidepath.Server.dll"]
