#pragma once

class QQmlApplicationEngine;
class QQmlEngine;

namespace Endzone {

class AppContext;

// Records the QML warnings `engine` reports from now on (a binding to a missing property, a component that
// failed to load...), for runSelfTest. Call it before Main.qml is loaded, so that the load's warnings count.
void recordQmlWarnings(QQmlEngine *engine);

// `endzone --self-test`: once the window has drawn a frame with a populated week, checks the frame
// (not blank, cards present) and that QML reported no warning, and quits with 0; quits with 1 on failure or
// after a timeout.
void runSelfTest(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs = 20000);

// `endzone --bench-first-frame`: prints "first-frame-ms N", the time from process start to the first frame
// swapped with the week's cards in it, and quits. Process start is ENDZONE_BENCH_T0_NS (CLOCK_REALTIME
// nanoseconds, set by the launcher just before exec) when given, else the kernel's start time.
void runFirstFrameBench(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs = 20000);

} // namespace Endzone
