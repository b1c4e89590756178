"""Reference numbers for DescentCoreTests, computed with PyTorch (float64) offline.

Run: python torch_refs.py   (PyTorch 2.x). The printed values are pasted into
Tests/DescentCoreTests/ReferenceTests.swift; nothing here is read at test time.
"""
import torch
torch.set_default_dtype(torch.float64)
t = torch.tensor

def show(name, x):
    vals = x.detach().flatten().tolist() if torch.is_tensor(x) else [x]
    print(f"{name}: [" + ", ".join(repr(float(v)) for v in vals) + "]")

# Losses (mean reduction) and their gradients w.r.t. the prediction / logits.
p = t([[0.5], [-1.2], [2.0], [0.1]], requires_grad=True)
y = t([[1.0], [0.0], [1.5], [0.1]])
for name, fn in [("mse", torch.nn.MSELoss()), ("mae", torch.nn.L1Loss()),
                 ("huber", torch.nn.HuberLoss(delta=1.0)), ("huber05", torch.nn.HuberLoss(delta=0.5))]:
    p.grad = None
    l = fn(p, y); l.backward(); show(name, l); show(name + "_grad", p.grad)

z = t([[0.3], [-2.0], [4.0], [-40.0]], requires_grad=True)
yb = t([[1.0], [0.0], [1.0], [1.0]])
l = torch.nn.BCEWithLogitsLoss()(z, yb); l.backward(); show("bce", l); show("bce_grad", z.grad)

zc = t([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0], [100.0, 0.0, -100.0]], requires_grad=True)
yc = t([2, 2, 1])
l = torch.nn.CrossEntropyLoss()(zc, yc); l.backward(); show("ce", l); show("ce_grad", zc.grad)

ph = t([[0.3], [-0.5], [2.0], [0.9]], requires_grad=True)
yh = t([[1.0], [0.0], [0.0], [1.0]])
l = torch.clamp(1 - (2 * yh - 1) * ph, min=0).mean(); l.backward(); show("hinge", l); show("hinge_grad", ph.grad)

# Activations: forward values on fixed inputs.
xa = t([-3.0, -0.5, 0.0, 0.7, 2.5, 25.0])
show("relu", torch.relu(xa)); show("leaky_relu", torch.nn.functional.leaky_relu(xa, 0.01))
show("elu", torch.nn.functional.elu(xa)); show("tanh", torch.tanh(xa)); show("sigmoid", torch.sigmoid(xa))
show("softplus", torch.nn.functional.softplus(xa)); show("gelu", torch.nn.functional.gelu(xa, approximate="tanh"))
show("softmax", torch.softmax(t([[1.0, 2.0, 3.0], [-1.0, 0.0, 1000.0]]), dim=1))

# Optimizers: three steps on w = [0.5, -1.0, 0.0] with fixed gradients.
grads = [t([0.1, -0.2, 0.3]), t([0.3, 0.05, -0.1]), t([-0.2, 0.4, 0.0])]
configs = [
    ("sgd", lambda w: torch.optim.SGD([w], lr=0.1)),
    ("sgd_momentum", lambda w: torch.optim.SGD([w], lr=0.1, momentum=0.9)),
    ("sgd_nesterov", lambda w: torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)),
    ("adam", lambda w: torch.optim.Adam([w], lr=0.01)),
    ("adam_betas", lambda w: torch.optim.Adam([w], lr=0.05, betas=(0.8, 0.99), eps=1e-6)),
    ("rmsprop", lambda w: torch.optim.RMSprop([w], lr=0.01)),
    ("rmsprop_momentum", lambda w: torch.optim.RMSprop([w], lr=0.01, momentum=0.5)),
    ("adagrad", lambda w: torch.optim.Adagrad([w], lr=0.1)),
]
for name, make in configs:
    w = t([0.5, -1.0, 0.0], requires_grad=True)
    opt = make(w)
    for g in grads:
        w.grad = g.clone(); opt.step()
    show("opt_" + name, w)

# Learning-rate change mid-run keeps Adam's state: two steps at 0.01, then one at 0.1.
w = t([0.5, -1.0, 0.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.01)
for i, g in enumerate(grads):
    if i == 2:
        for group in opt.param_groups: group["lr"] = 0.1
    w.grad = g.clone(); opt.step()
show("opt_adam_lr_change", w)

# Regularizers: penalty and gradient on W = [[0.5, -0.2], [0.0, 1.5]].
W = t([[0.5, -0.2], [0.0, 1.5]], requires_grad=True)
pen = 0.01 * W.abs().sum() + 0.001 * (W ** 2).sum(); pen.backward()
show("elastic", pen); show("elastic_grad", W.grad)   # torch's sign(0) = 0 matches the subgradient 0 at 0
