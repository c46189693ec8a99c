#include "logging.h"

Q_LOGGING_CATEGORY(lcFeed, "endzone.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "endzone.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLive, "endzone.live", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "endzone.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "endzone.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "endzone.notify", QtInfoMsg)
