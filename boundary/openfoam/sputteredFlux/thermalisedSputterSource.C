/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "thermalisedSputterSource.H"
#include "sputteredFluxFvPatchScalarField.H"
#include "boundary/openfoam/filmDeposition/filmDepositionFvPatchScalarField.H"
#include "boundary/openfoam/common/emitterFaces.H"
#include "meshSearch.H"
#include "emptyPolyPatch.H"
#include "emptyFvPatch.H"
#include "symmetryPlanePolyPatch.H"
#include "Pstream.H"
#include "ListOps.H"
#include "indexedOctree.H"
#include "treeDataFace.H"
#include "Random.H"

#include "boundary/openfoam/bridge/GasThermalisation.hpp"

#include <chrono>
#include <cmath>
#include <exception>
#include <map>

// * * * * * * * * * * * * * Local Functions  * * * * * * * * * * * * * * * //

namespace
{
    //- A boundary face the atoms end on: not coupled, not empty, not a
    //- symmetry plane (a mirror: the walls are seen through it)
    bool isWall(const Foam::polyPatch& pp)
    {
        return
            !pp.coupled()
         && !Foam::isA<Foam::emptyPolyPatch>(pp)
         && !Foam::isA<Foam::symmetryPlanePolyPatch>(pp);
    }
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::thermalisedSputterSource::thermalisedSputterSource
(
    const fvMesh& mesh,
    const dictionary& dict
)
:
    mesh_(mesh),
    gasPressure_
    (
        dict.getCheckOrDefault<scalar>
        (
            "gasPressure", 0, [](const scalar p) { return p >= 0; }
        )
    ),
    gasTemperature_(0),
    sigmaEff_(0),
    scatteredDeposited_(1),
    thermalisationColumn_(0),
    model_(),
    emitted_(0),
    thermalised_(0),
    viewSumMin_(0),
    viewSumMax_(0),
    emissionDistribution_
    (
        dict.getOrDefault<word>("emissionDistribution", "cosine")
    ),
    cosExponent_(dict.getOrDefault<scalar>("cosExponent", 1)),
    wallSum_(dict.getOrDefault<word>("thermalisedWallSum", "panels")),
    panelSize_
    (
        dict.getCheckOrDefault<scalar>
        (
            "panelSize", 0, [](const scalar L) { return L >= 0; }
        )
    ),
    panelNearFactor_
    (
        dict.getCheckOrDefault<scalar>
        (
            "panelNearFactor", 4, [](const scalar k) { return k >= 1; }
        )
    )
{
    if (wallSum_ != "panels" && wallSum_ != "exact")
    {
        FatalIOErrorInFunction(dict)
            << "thermalisedWallSum " << wallSum_ << ": valid are panels, exact"
            << exit(FatalIOError);
    }
    if (!active())
    {
        Info<< "No gas (gasPressure 0): no thermalised volume source" << endl;
        return;
    }
    gasTemperature_ = dict.get<scalar>("gasTemperature");
    sigmaEff_ = dict.get<scalar>("sigmaEff");
    scatteredDeposited_ = dict.get<scalar>("scatteredDeposited");
    thermalisationColumn_ = dict.get<scalar>("thermalisationColumn");
    try
    {
        model_ = std::make_shared<const magtwin::foam::GasThermalisation>
        (
            gasPressure_,
            gasTemperature_,
            sigmaEff_,
            scatteredDeposited_,
            thermalisationColumn_,
            emissionDistribution_,
            cosExponent_
        );
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict) << e.what() << exit(FatalIOError);
    }
    Info<< "Gas " << gasPressure_ << " Pa, " << gasTemperature_ << " K: n = "
        << model_->numberDensity() << " m^-3, sigmaEff " << sigmaEff_
        << " m^2, eta " << scatteredDeposited_ << ", thermalisationColumn "
        << thermalisationColumn_ << " m^-2 (d_th = "
        << thermalisationColumn_/model_->numberDensity() << " m)" << endl;
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

void Foam::thermalisedSputterSource::exactWallSums
(
    const pointField& x0,
    const vectorField& n0,
    scalarField& h,
    scalarField& weight,
    scalarField& transmitted
) const
{
    const scalar tiny = 1e-9*mag(mesh_.bounds().span());
    const bool threeD = mesh_.nGeometricD() == 3;
    const vectorField& Sf = mesh_.faceAreas();
    const vectorField& Cf = mesh_.faceCentres();
    const polyBoundaryMesh& pbm = mesh_.boundaryMesh();
    const pointField& points = mesh_.points();
    forAll(pbm, patchi)
    {
        const polyPatch& pp = pbm[patchi];
        if (!isWall(pp))
        {
            continue;
        }
        forAll(pp, facei)
        {
            const face& f = pp[facei];
            const label meshFacei = pp.start() + facei;
            const scalar area = mag(Sf[meshFacei]);
            const vector nOut = Sf[meshFacei]/area;
            forAll(x0, e)
            {
                const vector d = Cf[meshFacei] - x0[e];
                const scalar r = mag(d);
                if (threeD && r > tiny)
                {
                    const scalar w =
                        model_->viewWeight((d & n0[e])/r, (d & nOut)/r, area, r);
                    weight[e] += w;
                    transmitted[e] += w*model_->transmission(r);
                }
                const pointHit hit =
                    f.intersection
                    (
                        x0[e], n0[e], Cf[meshFacei], points,
                        intersection::HALF_RAY
                    );
                if (hit.hit() && hit.distance() > tiny && hit.distance() < h[e])
                {
                    h[e] = hit.distance();
                }
            }
        }
    }
}


void Foam::thermalisedSputterSource::panelWallSums
(
    const pointField& x0,
    const vectorField& n0,
    scalarField& h,
    scalarField& weight,
    scalarField& transmitted
) const
{
    const boundBox& bounds = mesh_.bounds();
    const scalar span = mag(bounds.span());
    const bool threeD = mesh_.nGeometricD() == 3;
    const vectorField& Sf = mesh_.faceAreas();
    const vectorField& Cf = mesh_.faceCentres();
    const pointField& points = mesh_.points();
    const faceList& faces = mesh_.faces();
    const polyBoundaryMesh& pbm = mesh_.boundaryMesh();

    // This processor's wall faces (non-coupled, non-empty boundary faces).
    DynamicList<label> wallFaces;
    DynamicList<label> wallPatch;
    forAll(pbm, patchi)
    {
        const polyPatch& pp = pbm[patchi];
        if (!isWall(pp))
        {
            continue;
        }
        forAll(pp, facei)
        {
            wallFaces.append(pp.start() + facei);
            wallPatch.append(patchi);
        }
    }

    // h: the first wall face along each normal, an octree ray cast (as
    // meshSearch's boundary tree) from just off the emitting face.
    if (wallFaces.size())
    {
        Random rndGen(261782);
        treeBoundBox bb(points);
        bb = bb.extend(rndGen, 1e-4);
        bb.min() -= point::uniform(ROOTVSMALL);
        bb.max() += point::uniform(ROOTVSMALL);
        const indexedOctree<treeDataFace> tree
        (
            treeDataFace(true, mesh_, wallFaces),
            bb,
            8,
            10,
            3.0
        );
        // A ray grazing an octree node's boundary can be missed by findLine
        // (1 of the 400 faces of tests/foam/sputterFoamGas3D, whose normal
        // ends on a floor face's centre); it is cast again from up to three
        // starts 1e-7 of the chamber off its line, across its direction (h
        // moves by 1e-7 span times the wall's slope: nothing on a flat wall).
        const scalar offset = 1e-9*span;
        forAll(x0, e)
        {
            const vector& n = n0[e];
            vector t1 = n ^ vector(1, 0, 0);
            if (magSqr(t1) < 0.5)
            {
                t1 = n ^ vector(0, 1, 0);
            }
            t1 /= mag(t1);
            const vector t2 = n ^ t1;
            const vector shifts[4] =
                {Zero, 1e-7*span*t1, 1e-7*span*t2, -1e-7*span*(t1 + t2)};
            for (const vector& shift : shifts)
            {
                const point start = x0[e] + offset*n + shift;
                const pointIndexHit hit = tree.findLine(start, start + 2*span*n);
                if (hit.hit())
                {
                    h[e] = min(h[e], mag(hit.hitPoint() - x0[e] - shift));
                    break;
                }
            }
        }
    }
    if (!threeD)
    {
        return;  // 2-D and wedge: the plane formula with h, no weights
    }

    // Panels: the wall faces binned by patch, the axis and sign of their
    // normal and a global grid of edge L; one panel may span processors, so
    // the panels are summed over all of them (decomposition-independent).
    const scalar wallArea =
        returnReduce(sum(mag(vectorField(Sf, labelList(wallFaces)))), sumOp<scalar>());
    const scalar L =
        panelSize_ > 0 ? panelSize_ : Foam::sqrt(wallArea/2000);
    const auto binOf = [&](const scalar x, const scalar x0min)
    {
        return label(std::floor((x - x0min)/L));
    };
    // Per local panel: key (patch, normal class, ix, iy, iz) and sums
    // (area vector, area-weighted centre, bounding box of the face points).
    typedef FixedList<label, 5> Key;
    std::map<Key, label> localIndex;
    DynamicList<Key> localKeys;
    DynamicList<label> panelOfFace(wallFaces.size());
    forAll(wallFaces, i)
    {
        const label facei = wallFaces[i];
        const vector& S = Sf[facei];
        direction axis = 0;
        for (direction cmpt = 1; cmpt < vector::nComponents; ++cmpt)
        {
            if (mag(S[cmpt]) > mag(S[axis]))
            {
                axis = cmpt;
            }
        }
        const point& c = Cf[facei];
        Key key;
        key[0] = wallPatch[i];
        key[1] = 2*axis + (S[axis] > 0 ? 1 : 0);
        key[2] = binOf(c.x(), bounds.min().x());
        key[3] = binOf(c.y(), bounds.min().y());
        key[4] = binOf(c.z(), bounds.min().z());
        const auto found = localIndex.find(key);
        if (found == localIndex.end())
        {
            localIndex.emplace(key, localKeys.size());
            panelOfFace.append(localKeys.size());
            localKeys.append(key);
        }
        else
        {
            panelOfFace.append(found->second);
        }
    }
    // Packed: 5 key entries, area vector (3), sum of |S| c (3), sum |S|,
    // bounding box (6).
    const label nPack = 18;
    List<scalarField> packed(Pstream::nProcs());
    scalarField& mine = packed[Pstream::myProcNo()];
    mine.setSize(nPack*localKeys.size(), Zero);
    forAll(localKeys, p)
    {
        for (label k = 0; k < 5; ++k)
        {
            mine[nPack*p + k] = localKeys[p][k];
        }
        for (label k = 0; k < 3; ++k)
        {
            mine[nPack*p + 12 + k] = GREAT;
            mine[nPack*p + 15 + k] = -GREAT;
        }
    }
    forAll(wallFaces, i)
    {
        const label facei = wallFaces[i];
        const label base = nPack*panelOfFace[i];
        const scalar a = mag(Sf[facei]);
        for (label k = 0; k < 3; ++k)
        {
            mine[base + 5 + k] += Sf[facei][k];
            mine[base + 8 + k] += a*Cf[facei][k];
        }
        mine[base + 11] += a;
        for (const label pointi : faces[facei])
        {
            for (label k = 0; k < 3; ++k)
            {
                mine[base + 12 + k] = min(mine[base + 12 + k], points[pointi][k]);
                mine[base + 15 + k] = max(mine[base + 15 + k], points[pointi][k]);
            }
        }
    }
    Pstream::gatherList(packed);
    Pstream::scatterList(packed);

    // The global panels in key order; each is summed as one far panel by
    // the lowest processor holding a part of it.
    std::map<Key, label> globalIndex;
    forAll(packed, proci)
    {
        const scalarField& pk = packed[proci];
        for (label p = 0; nPack*p < pk.size(); ++p)
        {
            Key key;
            for (label k = 0; k < 5; ++k)
            {
                key[k] = label(pk[nPack*p + k]);
            }
            globalIndex.emplace(key, -1);
        }
    }
    {
        label n = 0;
        for (auto& kv : globalIndex)
        {
            kv.second = n++;
        }
    }
    const label nPanels = globalIndex.size();
    vectorField panelS(nPanels, Zero);
    vectorField panelAC(nPanels, Zero);
    scalarField panelA(nPanels, Zero);
    pointField panelMin(nPanels, point::uniform(GREAT));
    pointField panelMax(nPanels, point::uniform(-GREAT));
    labelList panelOwner(nPanels, Pstream::nProcs());
    forAll(packed, proci)
    {
        const scalarField& pk = packed[proci];
        for (label p = 0; nPack*p < pk.size(); ++p)
        {
            Key key;
            for (label k = 0; k < 5; ++k)
            {
                key[k] = label(pk[nPack*p + k]);
            }
            const label g = globalIndex[key];
            panelOwner[g] = min(panelOwner[g], proci);
            const label base = nPack*p;
            for (label k = 0; k < 3; ++k)
            {
                panelS[g][k] += pk[base + 5 + k];
                panelAC[g][k] += pk[base + 8 + k];
                panelMin[g][k] = min(panelMin[g][k], pk[base + 12 + k]);
                panelMax[g][k] = max(panelMax[g][k], pk[base + 15 + k]);
            }
            panelA[g] += pk[base + 11];
        }
    }
    // This processor's faces of each global panel (for the near sums).
    labelListList members(nPanels);
    {
        labelList nMembers(nPanels, Zero);
        labelList globalOfLocal(localKeys.size());
        forAll(localKeys, p)
        {
            globalOfLocal[p] = globalIndex[localKeys[p]];
        }
        forAll(wallFaces, i)
        {
            ++nMembers[globalOfLocal[panelOfFace[i]]];
        }
        forAll(members, g)
        {
            members[g].setSize(nMembers[g]);
            nMembers[g] = 0;
        }
        forAll(wallFaces, i)
        {
            const label g = globalOfLocal[panelOfFace[i]];
            members[g][nMembers[g]++] = wallFaces[i];
        }
    }
    Info<< "Thermalised source panels: " << nPanels << " of edge " << L
        << " m over " << returnReduce(wallFaces.size(), sumOp<label>())
        << " wall faces, near within " << panelNearFactor_
        << " half-diagonals" << endl;
    pointField panelC(nPanels);
    scalarField diagonal(nPanels);
    scalarField nearRadius(nPanels);
    forAll(panelC, g)
    {
        panelC[g] = panelAC[g]/panelA[g];
        diagonal[g] = mag(panelMax[g] - panelMin[g]);
        nearRadius[g] = panelNearFactor_*0.5*diagonal[g];
    }

    const scalar tiny = 1e-9*span;
    const label me = Pstream::myProcNo();
    forAll(x0, e)
    {
        forAll(panelC, g)
        {
            const vector dc = panelC[g] - x0[e];
            const scalar rc = mag(dc);
            if (rc > nearRadius[g])
            {
                // Far: the panel as one face, its area vector summed (so
                // cos_r A is the projected area the emitter sees).
                if (panelOwner[g] == me)
                {
                    const scalar S = mag(panelS[g]);
                    const scalar w = model_->viewWeight
                    (
                        (dc & n0[e])/rc, (dc & panelS[g])/(rc*S), S, rc
                    );
                    weight[e] += w;
                    transmitted[e] += w*model_->transmission(rc);
                }
                continue;
            }
            // Near: every face of the panel on this processor, exactly,
            // unless the whole panel lies behind the emitting face (every
            // member centre within a diagonal of the centroid: weight 0).
            if ((dc & n0[e]) < -diagonal[g])
            {
                continue;
            }
            for (const label facei : members[g])
            {
                const vector d = Cf[facei] - x0[e];
                const scalar r = mag(d);
                if (r > tiny)
                {
                    const scalar area = mag(Sf[facei]);
                    const scalar w = model_->viewWeight
                    (
                        (d & n0[e])/r, (d & Sf[facei])/(r*area), area, r
                    );
                    weight[e] += w;
                    transmitted[e] += w*model_->transmission(r);
                }
            }
        }
    }
}


void Foam::thermalisedSputterSource::updateGeometry
(
    const pointField& x0,
    const vectorField& n0
)
{
    // Over this processor's non-coupled boundary faces, then all processors:
    // h, the first wall along each normal, and the emission-weighted mean
    // transmission exp(-n sigma_eff r) to the walls (no shadowing: a convex
    // chamber, as the line-of-sight flux of filmDeposition).
    const bool threeD = mesh_.nGeometricD() == 3;
    // Symmetry planes (symmetryPlane patches, `magtwin foam-case`'s half
    // chamber): the mesh stands for itself and its mirror image, so a face
    // sees the walls of the mirrored part as its reflection (centre and
    // normal, taken across each plane in turn: two planes, four images) sees
    // the meshed walls, and a normal crossing the plane goes on as its
    // reflection. The plane: the patch's normal and n.x = max over its faces
    // of n.C, as filmDeposition's mirrored emitters (the same plane on every
    // processor and decomposition).
    const auto startTime = std::chrono::steady_clock::now();
    label nMirrors = 0;
    DynamicList<point> xi(x0);
    DynamicList<vector> ni(n0);
    DynamicList<label> emitterOf(identity(x0.size()));
    for (const polyPatch& pp : mesh_.boundaryMesh())
    {
        if
        (
            !isA<symmetryPlanePolyPatch>(pp)
         || returnReduce(pp.size(), sumOp<label>()) == 0
        )
        {
            continue;
        }
        const vector n = refCast<const symmetryPlanePolyPatch>(pp).n();
        const scalar d = gMax(scalarField(pp.faceCentres() & n));
        ++nMirrors;
        const label nMeshed = xi.size();
        for (label i = 0; i < nMeshed; ++i)
        {
            const point image = xi[i] - 2*((xi[i] & n) - d)*n;
            const vector imageNormal = ni[i] - 2*(ni[i] & n)*n;
            const label e = emitterOf[i];
            xi.append(image);
            ni.append(imageNormal);
            emitterOf.append(e);
        }
    }
    pointField xs;
    xs.transfer(xi);
    vectorField ns;
    ns.transfer(ni);
    scalarField hi(xs.size(), GREAT);
    scalarField weighti(xs.size(), Zero);
    scalarField transmittedi(xs.size(), Zero);
    if (wallSum_ == "exact")
    {
        exactWallSums(xs, ns, hi, weighti, transmittedi);
    }
    else
    {
        panelWallSums(xs, ns, hi, weighti, transmittedi);
    }
    Info<< "Thermalised source geometry: " << x0.size() << " emitting faces, "
        << nMirrors << " symmetry plane(s) (" << xs.size() << " images), wall sums "
        << wallSum_ << ": "
        << std::chrono::duration<double>
           (
               std::chrono::steady_clock::now() - startTime
           ).count()
        << " s" << endl;
    scalarField h(x0.size(), GREAT);
    scalarField weight(x0.size(), Zero);
    scalarField transmitted(x0.size(), Zero);
    forAll(xs, i)
    {
        const label e = emitterOf[i];
        h[e] = min(h[e], hi[i]);
        weight[e] += weighti[i];
        transmitted[e] += transmittedi[i];
    }
    Pstream::listCombineGather(h, minEqOp<scalar>());
    Pstream::listCombineScatter(h);
    Pstream::listCombineGather(weight, plusEqOp<scalar>());
    Pstream::listCombineScatter(weight);
    Pstream::listCombineGather(transmitted, plusEqOp<scalar>());
    Pstream::listCombineScatter(transmitted);
    viewSumMin_ = x0.size() ? min(weight) : 0;
    viewSumMax_ = x0.size() ? max(weight) : 0;

    // Birth points and their cells; a point on a processor boundary counts
    // once, on the lowest processor that holds it.
    meshSearch search(mesh_);
    labelList cellOf(x0.size(), -1);
    labelList owner(x0.size(), Pstream::nProcs());
    scalarField fraction(x0.size(), Zero);
    forAll(x0, e)
    {
        if (h[e] >= GREAT)
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << " (normal " << n0[e]
                << "): no wall along its normal; the thermalised share needs"
                << " a closed chamber" << exit(FatalError);
        }
        if (!threeD)
        {
            // 2-D and axisymmetric meshes: the core's plane formula with h
            // (the solid-angle weights need the third dimension).
            fraction[e] = model_->thermalisedFraction(h[e]);
        }
        else if (weight[e] <= 0)
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << ": sees no wall"
                << exit(FatalError);
        }
        else
        {
            fraction[e] =
                model_->thermalisedFractionOf(transmitted[e]/weight[e]);
        }
        const point xb = x0[e] + model_->thermalisationDistance(h[e])*n0[e];
        cellOf[e] = search.findCell(xb);
        if (cellOf[e] >= 0)
        {
            owner[e] = Pstream::myProcNo();
        }
    }
    Pstream::listCombineGather(owner, minEqOp<label>());
    Pstream::listCombineScatter(owner);

    forAll(x0, e)
    {
        if (owner[e] == Pstream::nProcs())
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << ": the birth point at "
                << model_->thermalisationDistance(h[e]) << " m along its"
                << " normal lies in no cell" << exit(FatalError);
        }
    }
    cellOf_.transfer(cellOf);
    owner_.transfer(owner);
    fraction_.transfer(fraction);
}


Foam::tmp<Foam::volScalarField::Internal>
Foam::thermalisedSputterSource::source(const volScalarField& c)
{
    tmp<volScalarField::Internal> tS
    (
        new volScalarField::Internal
        (
            IOobject
            (
                "thermalisedSource",
                mesh_.time().timeName(),
                mesh_,
                IOobject::NO_READ,
                IOobject::NO_WRITE
            ),
            mesh_,
            dimensionedScalar(c.dimensions()/dimTime, Zero)
        )
    );
    emitted_ = 0;
    thermalised_ = 0;
    if (!active())
    {
        return tS;
    }
    volScalarField::Internal& S = tS.ref();

    // This processor's emitting faces: centre, normal into the gas, atoms/s.
    DynamicList<point> centres;
    DynamicList<vector> normals;
    DynamicList<scalar> rates;
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (!isA<sputteredFluxFvPatchScalarField>(pf))
        {
            continue;
        }
        const sputteredFluxFvPatchScalarField& sf =
            refCast<const sputteredFluxFvPatchScalarField>(pf);
        if (sf.thermalizedFraction() > 0)
        {
            FatalErrorInFunction
                << "Patch " << pf.patch().name() << " of " << c.name()
                << ": thermalizedFraction " << sf.thermalizedFraction()
                << " with gasPressure " << gasPressure_ << " Pa: the gas model"
                << " already thermalises its share in the volume; give"
                << " thermalizedFraction 0" << exit(FatalError);
        }
        centres.append(pf.patch().Cf());
        normals.append(vectorField(-pf.patch().nf()));
        rates.append(scalarField(sf.computeSputteredFlux()*pf.patch().magSf()));
    }
    const emitterFaces all = gatherEmitterFaces(centres, normals, rates);
    const pointField& x0 = all.centres;
    const vectorField& n0 = all.normals;
    const scalarField& N = all.rates;

    // The geometry (h, the mean transmission, the birth cells) once, and again
    // whenever the mesh moves (target erosion).
    if (fraction_.size() != x0.size() || mesh_.moving())
    {
        updateGeometry(x0, n0);
    }
    const labelList& cellOf = cellOf_;
    const labelList& owner = owner_;
    const scalarField& fraction = fraction_;

    const scalarField& V = mesh_.V();
    forAll(x0, e)
    {
        if (owner[e] == Pstream::myProcNo())
        {
            S[cellOf[e]] += fraction[e]*N[e]/V[cellOf[e]];
        }
        emitted_ += N[e];
        thermalised_ += fraction[e]*N[e];
    }
    return tS;
}


void Foam::thermalisedSputterSource::checkLineOfSightPatches
(
    const volScalarField& c
) const
{
    const auto differ = [](const scalar a, const scalar b)
    {
        return mag(a - b) > 1e-12*max(mag(a), mag(b));
    };
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (!isA<filmDepositionFvPatchScalarField>(pf))
        {
            continue;
        }
        const filmDepositionFvPatchScalarField& fd =
            refCast<const filmDepositionFvPatchScalarField>(pf);
        if (!fd.lineOfSight())
        {
            continue;
        }
        word entry;
        if (differ(fd.gasPressure(), gasPressure_))
        {
            entry = "gasPressure";
        }
        else if
        (
            gasPressure_ > 0
         && (
                differ(fd.sigmaEff(), sigmaEff_)
             || differ(fd.scatteredDeposited(), scatteredDeposited_)
            )
        )
        {
            entry = "sigmaEff/scatteredDeposited";
        }
        else if
        (
            gasPressure_ > 0
         && (
                fd.emissionDistribution() != emissionDistribution_
             || differ(fd.cosExponent(), cosExponent_)
            )
        )
        {
            entry = "emissionDistribution/cosExponent";
        }
        if (!entry.empty())
        {
            FatalErrorInFunction
                << "Patch " << pf.patch().name() << " of " << c.name()
                << " (filmDeposition, lineOfSightSource): " << entry
                << " differs from constant/transportProperties; the ballistic"
                << " arrivals and the thermalised share would not add up to"
                << " the emission" << exit(FatalError);
        }
    }
}


Foam::scalar Foam::thermalisedSputterSource::balance
(
    const volScalarField& c,
    scalar D,
    Ostream& os
) const
{
    scalar uptake = 0;
    os  << "Gas balance: thermalised source " << thermalised_ << " atoms/s of "
        << emitted_ << " emitted; uptake";
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (pf.coupled() || isA<emptyFvPatch>(pf.patch()))
        {
            continue;
        }
        // Outward diffusive flux of the patch, -D dc/dn |S_f| summed.
        const scalar patchUptake =
            returnReduce(sum(-D*pf.snGrad()*pf.patch().magSf()), sumOp<scalar>());
        os  << " " << pf.patch().name() << " " << patchUptake;
        uptake += patchUptake;
    }
    const scalar held = gSum(c.primitiveField()*mesh_.V());
    const scalar imbalance =
        thermalised_ > 0 ? mag(thermalised_ - uptake)/thermalised_ : 0;
    os  << "; total " << uptake << "; held " << held << " atoms"
        << "; relative imbalance " << imbalance
        << "; view-factor sums " << viewSumMin_ << " to " << viewSumMax_ << endl;
    return imbalance;
}

// ************************************************************************* //
