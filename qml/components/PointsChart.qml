import QtQuick
import Endzone.Views

// Points scored (bars) and allowed (line) per week, drawn with Canvas: enough for a quick look.
Canvas {
    id: chart
    property var points: [] // [{week, label, scored, allowed}]
    property color barColor: Theme.accent
    onPointsChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    Connections {
        target: Theme
        function onDarkChanged() { chart.requestPaint() }
        function onScaleChanged() { chart.requestPaint() }
    }

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const n = points.length
        if (n === 0)
            return
        const pad = 28
        let max = 7
        for (const p of points) max = Math.max(max, p.scored, p.allowed)
        max = Math.ceil(max / 7) * 7
        const w = (width - 2 * pad) / n
        const y = (v) => height - pad - (height - 2 * pad) * v / max
        ctx.font = Theme.canvasFont(11)
        ctx.fillStyle = Theme.faintText
        ctx.strokeStyle = Theme.cardBorder
        for (let v = 0; v <= max; v += 7) {
            ctx.beginPath(); ctx.moveTo(pad, y(v)); ctx.lineTo(width - pad, y(v)); ctx.stroke()
            ctx.fillText(v, 2, y(v) + 4)
        }
        for (let i = 0; i < n; ++i) {
            ctx.fillStyle = chart.barColor
            ctx.fillRect(pad + i * w + w * 0.2, y(points[i].scored), w * 0.6, y(0) - y(points[i].scored))
            ctx.fillStyle = Theme.dimText
            ctx.fillText(points[i].week, pad + i * w + w * 0.35, height - 8)
        }
        ctx.strokeStyle = Theme.live
        ctx.lineWidth = 2
        ctx.beginPath()
        for (let i = 0; i < n; ++i) {
            const x = pad + i * w + w / 2
            if (i === 0) ctx.moveTo(x, y(points[i].allowed)); else ctx.lineTo(x, y(points[i].allowed))
        }
        ctx.stroke()
    }
}
