# inburgerbot: `docker build -t inburgerbot .`, then see compose.yaml and the README.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY conversations conversations
COPY storage storage
COPY locales locales
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --create-home --home-dir /data inburgerbot
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER inburgerbot
WORKDIR /data
ENV INBURGERBOT_DB=/data/inburgerbot.db \
    INBURGERBOT_HTTP=0.0.0.0:8080 \
    PYTHONUNBUFFERED=1
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import json, sys, urllib.request; r = urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4); sys.exit(0 if json.load(r)['status'] == 'ok' else 1)"]
ENTRYPOINT ["inburgerbot"]
CMD ["run"]
