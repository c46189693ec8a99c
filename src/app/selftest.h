#pragma once

class QQmlApplicationEngine;

namespace Endzone {

class AppContext;

// `endzone --self-test`: once the window has drawn a frame with a populated week, checks the frame
// (not blank, cards present) and quits with 0; quits with 1 on failure or after a timeout.
void runSelfTest(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs = 20000);

} // namespace Endzone
